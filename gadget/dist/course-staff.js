// <nowiki>
/**
 * Course staff gadget 1.0.0: loads the rest where a page needs it.
 * Built from the outreach-dashboard-helper repository (gadget/src, gadget/i18n) by `npm run build:gadget`.
 * Do not edit this page: change the source there; the next deploy overwrites this page.
 * Installation, configuration and privacy: GADGET.md in that repository.
 */
( function () {
/**
 * Course staff gadget: settings and what a page needs, pure (no DOM, no `mw`; everything comes in
 * as arguments). The part the loader (loader.js) needs on every page view, so it is kept small;
 * the main module holds a copy too (scripts/build-gadget.ts). ES5 syntax: MediaWiki 1.39
 * validates gadget code as ES5, current MediaWiki as ES2017.
 */
var courseStaffSettings = ( function () {
	'use strict';

	var USER_NAMESPACES = [ 2, 3 ];
	var CONTRIBUTION_PAGES = [ 'Contributions', 'DeletedContributions' ];
	// Special pages whose lists link to users, by canonical name in lower case: MediaWiki 1.39
	// spells them "Recentchanges", "Newpages", "Listusers", later versions "RecentChanges", ….
	var LIST_PAGES = [
		'recentchanges', 'recentchangeslinked', 'watchlist', 'log', 'contributions', 'newpages', 'listusers'
	];
	// The Dashboards, in the service's order (its `dashboard` ids), and the values of the
	// `dashboards` setting: one of them, or both.
	var DASHBOARD_IDS = [ 'outreach', 'wikiedu' ];
	var DASHBOARD_CHOICES = DASHBOARD_IDS.concat( [ 'all' ] );
	var BOOLEANS = { true: true, false: false, 1: true, 0: false };

	function isSet( value ) {
		return value !== undefined && value !== null && value !== '';
	}

	function stripTrailingSlashes( url ) {
		return String( url ).replace( /\/+$/, '' );
	}

	function asBoolean( value ) {
		return value === true || value === 'true' || value === 1 || value === '1';
	}

	/**
	 * A boolean written as one, as a number or as a string; anything else is refused.
	 *
	 * @param {*} value
	 * @return {boolean|undefined}
	 */
	function strictBoolean( value ) {
		return typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string' ?
			BOOLEANS[ String( value ) ] :
			undefined;
	}

	function oneOf( values ) {
		return function ( value ) {
			return values.indexOf( value ) !== -1 ? value : undefined;
		};
	}

	/**
	 * English Wikipedia is where Wiki Education's classes edit: both Dashboards there, Programs &
	 * Events (the Dashboard of every other wiki's events) elsewhere.
	 *
	 * @param {Function} getConfig `mw.config.get`, bound
	 * @return {string}
	 */
	function defaultDashboards( getConfig ) {
		return getConfig( 'wgDBname' ) === 'enwiki' ? 'all' : 'outreach';
	}

	/**
	 * The settings: their name in `window.courseStaffConfig`, their `mw.config` key, default (a
	 * value, or a function of `mw.config.get`), and a parser. A parser with `expected` refuses a
	 * value by returning undefined; one without takes every value. A new setting is one more row.
	 */
	var SETTINGS = [
		{
			name: 'apiBase', key: 'wgCourseStaffApiBase',
			fallback: 'https://outreach.toolforge.org', parse: stripTrailingSlashes
		},
		{
			name: 'dashboards', key: 'wgCourseStaffDashboards',
			fallback: defaultDashboards, parse: oneOf( DASHBOARD_CHOICES ), expected: DASHBOARD_CHOICES.join( ', ' )
		},
		{
			name: 'outreachBase', key: 'wgCourseStaffOutreachBase',
			fallback: 'https://outreachdashboard.wmflabs.org', parse: stripTrailingSlashes
		},
		{
			name: 'wikieduBase', key: 'wgCourseStaffWikieduBase',
			fallback: 'https://dashboard.wikiedu.org', parse: stripTrailingSlashes
		},
		{
			name: 'useEventDates', key: 'wgCourseStaffUseEventDates',
			fallback: false, parse: asBoolean
		},
		{
			name: 'badges', key: 'wgCourseStaffBadges',
			fallback: true, parse: strictBoolean, expected: 'true, false'
		}
	];

	/**
	 * `window.courseStaffConfig` wins over `mw.config` keys, which win over the defaults. A value
	 * its setting refuses is passed over as if unset, with one warning.
	 *
	 * @param {Object|undefined} globalConfig `window.courseStaffConfig`
	 * @param {Function} getConfig `mw.config.get`, bound
	 * @param {Function} warn called with a message for each refused value
	 * @return {Object} every setting, parsed
	 */
	function readConfig( globalConfig, getConfig, warn ) {
		var own = globalConfig && typeof globalConfig === 'object' ? globalConfig : {};
		var config = {};
		SETTINGS.forEach( function ( setting ) {
			var sources = [
				[ 'window.courseStaffConfig.' + setting.name, own[ setting.name ] ],
				[ setting.key, getConfig( setting.key ) ]
			];
			var refused = [];
			var value;
			for ( var i = 0; i < sources.length && value === undefined; i++ ) {
				if ( isSet( sources[ i ][ 1 ] ) ) {
					value = setting.parse( sources[ i ][ 1 ] );
					if ( value === undefined ) {
						refused.push( sources[ i ] );
					}
				}
			}
			if ( value === undefined ) {
				value = typeof setting.fallback === 'function' ? setting.fallback( getConfig ) : setting.fallback;
			}
			refused.forEach( function ( source ) {
				warn( source[ 0 ] + ': ' + JSON.stringify( source[ 1 ] ) + ' is not one of ' +
					setting.expected + '; using ' + JSON.stringify( value ) );
			} );
			config[ setting.name ] = value;
		} );
		return config;
	}

	/**
	 * Names the gadget never asks about: IP addresses and temporary accounts.
	 *
	 * @param {*} name
	 * @param {Object} util `mw.util`
	 * @return {boolean}
	 */
	function isIgnoredUser( name, util ) {
		if ( typeof name !== 'string' || name === '' || util.isIPAddress( name, true ) ) {
			return true;
		}
		// Temporary accounts: "~2026-12345-6" on Wikimedia; newer cores have a helper for it.
		return name.charAt( 0 ) === '~' ||
			( typeof util.isTemporaryUser === 'function' && Boolean( util.isTemporaryUser( name ) ) );
	}

	/**
	 * The user whose course staff this page can show: the relevant user of a user page, user talk
	 * page (or a subpage) or their contributions, unless an IP or a temporary account. MediaWiki
	 * 1.39 ignores a gadget's `namespaces=`, so the script decides.
	 *
	 * @param {Function} getConfig `mw.config.get`, bound
	 * @param {Object} util `mw.util`
	 * @return {string|null}
	 */
	function pageUser( getConfig, util ) {
		var ns = getConfig( 'wgNamespaceNumber' );
		var supported = USER_NAMESPACES.indexOf( ns ) !== -1 ||
			( ns === -1 && CONTRIBUTION_PAGES.indexOf( getConfig( 'wgCanonicalSpecialPageName' ) ) !== -1 );
		var user = getConfig( 'wgRelevantUserName' );
		return supported && !isIgnoredUser( user, util ) ? user : null;
	}

	/**
	 * The kind of list of user links this page shows: a special page's canonical name in lower
	 * case, "history" or "diff"; null for any other page.
	 *
	 * @param {Function} getConfig `mw.config.get`, bound
	 * @return {string|null}
	 */
	function listPage( getConfig ) {
		var special = String( getConfig( 'wgCanonicalSpecialPageName' ) || '' ).toLowerCase();
		if ( getConfig( 'wgNamespaceNumber' ) === -1 && LIST_PAGES.indexOf( special ) !== -1 ) {
			return special;
		}
		if ( getConfig( 'wgAction' ) === 'history' ) {
			return 'history';
		}
		return getConfig( 'wgDiffNewId' ) || getConfig( 'wgDiffOldId' ) ? 'diff' : null;
	}

	/**
	 * What the gadget has to do on this page: the tab for `user`, badges in a list of kind
	 * `list`; null when there is nothing to do, and so nothing to load or ask.
	 *
	 * @param {Function} getConfig `mw.config.get`, bound
	 * @param {Object} util `mw.util`
	 * @param {Object} config from readConfig
	 * @return {Object|null} `user` (string or null), `list` (string or null)
	 */
	function pageWork( getConfig, util, config ) {
		var user = pageUser( getConfig, util );
		var list = config.badges ? listPage( getConfig ) : null;
		return user || list ? { user: user, list: list } : null;
	}

	return {
		DASHBOARD_IDS: DASHBOARD_IDS,
		readConfig: readConfig,
		isIgnoredUser: isIgnoredUser,
		pageUser: pageUser,
		listPage: listPage,
		pageWork: pageWork
	};
}() );

/**
 * Course staff gadget: the part every page view loads, so it stays small. It reads the settings,
 * decides what this page needs (the tab on a user's pages, badges in a list of user links) and,
 * only where there is something to do, loads the main module and starts it. Elsewhere it asks
 * nothing, loads nothing and changes nothing. Installation and configuration: GADGET.md.
 */
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

}() );
// </nowiki>
