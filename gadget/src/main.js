/**
 * Course staff gadget: the main module, loaded by the loader (loader.js) only on pages where there
 * is something to do; built from this file, the English messages of gadget/i18n and the parts it
 * starts (scripts/build-gadget.ts). It defines `mw.libs.courseStaff.start`, which the loader calls.
 */
/* global courseStaffI18n, courseStaffUi, courseStaffTab, courseStaffBadges */
( function ( i18n, ui, tab, badges ) {
	'use strict';

	if ( mw.libs.courseStaff ) {
		return;
	}
	mw.libs.courseStaff = {
		/**
		 * Adds the tab, the badges or both, once the messages are in the reader's language.
		 *
		 * @param {Object} config from readConfig
		 * @param {Object} work from pageWork: `user` (the tab's), `list` (the kind of list)
		 * @param {Function} fileUrl the URL of one of the gadget's files, by name
		 */
		start: function ( config, work, fileUrl ) {
			i18n.load( fileUrl, ui.warn ).then( function ( languages ) {
				ui.setLanguages( languages.resolved, languages.locales );
				if ( work.user ) {
					tab.start( config, work.user );
				}
				if ( work.list ) {
					badges.start( config, work );
				}
			} );
		}
	};
}( courseStaffI18n, courseStaffUi, courseStaffTab, courseStaffBadges ) );
