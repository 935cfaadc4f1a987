/**
 * Course staff gadget: the main module, loaded by the loader (loader.js) only on pages where there
 * is something to do; built from this file, the messages of gadget/i18n and the parts it starts
 * (scripts/build-gadget.ts). It defines `mw.libs.courseStaff.start`, which the loader calls.
 */
/* global courseStaffCore, courseStaffTab, courseStaffBadges, courseStaffMessages */
( function ( core, tab, badges, allMessages ) {
	'use strict';

	if ( mw.libs.courseStaff ) {
		return;
	}
	mw.libs.courseStaff = {
		/**
		 * Adds the tab, the badges or both.
		 *
		 * @param {Object} config from readConfig
		 * @param {Object} work from pageWork: `user` (the tab's), `list` (the kind of list)
		 */
		start: function ( config, work ) {
			mw.messages.set( core.messagesFor( allMessages, mw.config.get( 'wgUserLanguage' ) ) );
			if ( work.user ) {
				tab.start( config, work.user );
			}
			if ( work.list ) {
				badges.start( config, work );
			}
		}
	};
}( courseStaffCore, courseStaffTab, courseStaffBadges, courseStaffMessages ) );
