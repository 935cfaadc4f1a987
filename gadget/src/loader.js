/**
 * Course staff gadget: the part every page view loads, so it stays small. It reads the settings,
 * decides what this page needs (the tab on a user's pages, badges in a list of user links) and,
 * only where there is something to do, loads the main module and starts it. Elsewhere it asks
 * nothing, loads nothing and changes nothing. Installation and configuration: GADGET.md.
 */
/* global courseStaffSettings */
( function ( settings ) {
	'use strict';

	// Loaded both as a gadget and from common.js, the script could run twice on one page.
	if ( window.courseStaffGadgetLoaded ) {
		return;
	}
	window.courseStaffGadgetLoaded = true;

	// The main module as a gadget (gadget/wiki/Gadgets-definition.txt), and what it depends on.
	var MAIN_MODULE = 'ext.gadget.course-staff-main';
	var MAIN_DEPENDENCIES = [ 'mediawiki.util', 'mediawiki.storage', 'mediawiki.language', 'mediawiki.jqueryMsg' ];
	// Installed as a personal script, this file was loaded by URL: the main module's files are
	// next to it (course-staff-main.js, course-staff.css).
	var OWN_FILE = 'course-staff.js';
	var ownUrl = document.currentScript ? document.currentScript.src : '';
	// Scripts whose settings (`window.courseStaffConfig`, `mw.config`) must be read after they ran:
	// MediaWiki:Common.js and the reader's common.js.
	var CONFIG_MODULES = [ 'site', 'user' ];

	function getConfig( key ) {
		return mw.config.get( key );
	}

	function warn() {
		// eslint-disable-next-line no-console
		console.warn.apply( console, [ '[course-staff]' ].concat( Array.prototype.slice.call( arguments ) ) );
	}

	/**
	 * A file next to this script, for a personal-script installation; null where it was not
	 * loaded by such a URL.
	 *
	 * @param {string} name
	 * @param {string} type `javascript` or `css`
	 * @return {string|null}
	 */
	function sibling( name, type ) {
		var at = ownUrl.lastIndexOf( OWN_FILE );
		return at === -1 ? null : ownUrl.slice( 0, at ) + name +
			ownUrl.slice( at + OWN_FILE.length ).replace( /(ctype=text(?:%2F|\/))javascript/i, '$1' + type );
	}

	/**
	 * The URL of one of the gadget's files (the translations, course-staff-i18n-<code>.js): the
	 * wiki's page of it where the main module is the wiki's gadget, else the file next to this
	 * script.
	 *
	 * @param {string} name
	 * @return {string}
	 */
	function fileUrl( name ) {
		return mw.loader.getState( MAIN_MODULE ) ?
			mw.util.getUrl( 'MediaWiki:Gadget-' + name, { action: 'raw', ctype: 'text/javascript' } ) :
			sibling( name, 'javascript' );
	}

	/**
	 * Loads the main module: ResourceLoader's gadget where the wiki has it, else the files next
	 * to this script.
	 *
	 * @return {Promise}
	 */
	function loadMain() {
		if ( mw.loader.getState( MAIN_MODULE ) ) {
			return mw.loader.using( MAIN_MODULE );
		}
		var script = sibling( 'course-staff-main.js', 'javascript' );
		if ( !script ) {
			return Promise.reject( new Error( MAIN_MODULE + ' is not defined on this wiki' ) );
		}
		mw.loader.load( sibling( 'course-staff.css', 'css' ), 'text/css' );
		return mw.loader.using( MAIN_DEPENDENCIES ).then( function () {
			return mw.loader.getScript( script );
		} );
	}

	function main() {
		var config = settings.readConfig( window.courseStaffConfig, getConfig, warn );
		var work = settings.pageWork( getConfig, mw.util, config );
		if ( !work ) {
			return;
		}
		loadMain().then( function () {
			mw.libs.courseStaff.start( config, work, fileUrl );
		} ).then( null, function ( err ) {
			// Never break the page: the gadget simply does nothing here.
			warn( err );
		} );
	}

	/**
	 * Waits for the site's and the reader's scripts that this page loads, whichever loads first;
	 * a module that is only registered would be fetched just for this, and a broken one must not
	 * stop the gadget.
	 *
	 * @return {Promise|null}
	 */
	function afterConfigScripts() {
		var loading = CONFIG_MODULES.filter( function ( name ) {
			var state = mw.loader.getState( name );
			return state && state !== 'registered';
		} );
		return loading.length ? mw.loader.using( loading ).then( null, function () {} ) : null;
	}

	mw.loader.using( 'mediawiki.util' ).then( afterConfigScripts ).then( function () {
		if ( document.readyState === 'loading' ) {
			document.addEventListener( 'DOMContentLoaded', main );
		} else {
			main();
		}
	}, function ( err ) {
		warn( 'could not load mediawiki.util', err );
	} );
}( courseStaffSettings ) );
