/**
 * Course staff gadget: the pure part (no DOM, no `mw`; everything it needs comes in as arguments).
 * scripts/build-gadget.ts concatenates this file and gadget.js into the one deployable script;
 * Node tests load it alone (test/gadget/support/core.ts). ES5 syntax: MediaWiki 1.39 validates
 * gadget code as ES5, current MediaWiki as ES2017.
 */
/* exported courseStaffCore */
var courseStaffCore = ( function () {
	'use strict';

	// Echo sends no mention notification at all for an edit that mentions more than 50 users.
	var MAX_PINGS_PER_EDIT = 50;
	var USER_NAMESPACES = [ 2, 3 ];
	var CONTRIBUTION_PAGES = [ 'Contributions', 'DeletedContributions' ];
	var CACHE_PREFIX = 'mw-coursestaff-v1:';
	// Written as escapes so that the wiki page holding this code never contains a template call.
	var TEMPLATE_OPEN = '\x7B\x7B';
	var TEMPLATE_CLOSE = '\x7D\x7D';

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
	 * The settings: their name in `window.courseStaffConfig`, their `mw.config` key, default and
	 * parser. A new setting is one more row.
	 */
	var SETTINGS = [
		{
			name: 'apiBase', key: 'wgCourseStaffApiBase',
			fallback: 'https://outreach.toolforge.org', parse: stripTrailingSlashes
		},
		{
			name: 'dashboardBase', key: 'wgCourseStaffDashboardBase',
			fallback: 'https://outreachdashboard.wmflabs.org', parse: stripTrailingSlashes
		},
		{
			name: 'useEventDates', key: 'wgCourseStaffUseEventDates',
			fallback: false, parse: asBoolean
		}
	];

	/**
	 * `window.courseStaffConfig` wins over `mw.config` keys, which win over the defaults.
	 *
	 * @param {Object|undefined} globalConfig `window.courseStaffConfig`
	 * @param {Function} getConfig `mw.config.get`, bound
	 * @return {Object} every setting, parsed
	 */
	function readConfig( globalConfig, getConfig ) {
		var own = globalConfig && typeof globalConfig === 'object' ? globalConfig : {};
		var config = {};
		SETTINGS.forEach( function ( setting ) {
			var value = own[ setting.name ];
			if ( !isSet( value ) ) {
				value = getConfig( setting.key );
			}
			config[ setting.name ] = isSet( value ) ? setting.parse( value ) : setting.fallback;
		} );
		return config;
	}

	function apiUrl( config, user ) {
		return config.apiBase + '/api/users/' + encodeURIComponent( user ) + '/active-staff' +
			( config.useEventDates ? '?use_event_dates=true' : '' );
	}

	function courseUrl( config, slug ) {
		return config.dashboardBase + '/courses/' + slug.split( '/' ).map( encodeURIComponent ).join( '/' );
	}

	function profileUrl( config, user ) {
		return config.dashboardBase + '/users/' + encodeURIComponent( user );
	}

	/**
	 * Session-storage key of one answer: every setting that changes the answer is in it.
	 *
	 * @param {Object} config from readConfig
	 * @param {string} user
	 * @return {string}
	 */
	function cacheKey( config, user ) {
		return CACHE_PREFIX + ( config.useEventDates ? 'event:' : 'tracking:' ) + config.apiBase + ':' + user;
	}

	function asText( value ) {
		return value === undefined || value === null ? '' : String( value );
	}

	function asNames( value ) {
		return Array.isArray( value ) ? value.map( asText ).filter( Boolean ) : [];
	}

	function normaliseCourse( c ) {
		return {
			slug: asText( c.course_slug ),
			title: asText( c.course_title ) || asText( c.course_slug ),
			school: asText( c.course_school ),
			term: asText( c.course_term ),
			role: asText( c.user_role ),
			staff: asNames( c.staff ),
			start: c.start || null,
			end: c.end || null,
			timelineStart: c.timeline_start || null,
			timelineEnd: c.timeline_end || null
		};
	}

	/**
	 * Keeps only the fields the panel shows, as strings, whatever the service sent.
	 *
	 * @param {*} data the service's active-staff answer
	 * @return {Object} `courses` (objects) and `allStaff` (names)
	 */
	function normalise( data ) {
		var courses = data && Array.isArray( data.courses ) ? data.courses : [];
		return {
			courses: courses.filter( function ( c ) {
				return c && typeof c === 'object' && isSet( c.course_slug );
			} ).map( normaliseCourse ),
			allStaff: asNames( data && data.all_staff )
		};
	}

	/**
	 * A template call as wikitext.
	 *
	 * @param {string} name
	 * @param {string[]} params
	 * @return {string}
	 */
	function template( name, params ) {
		return TEMPLATE_OPEN + [ name ].concat( params ).join( '|' ) + TEMPLATE_CLOSE;
	}

	/**
	 * Ping templates for the names, at most MAX_PINGS_PER_EDIT per template. Underscores become
	 * spaces. A name containing "=" would be read as a named parameter, so a template holding one
	 * numbers all its parameters (numbering only some would collide with the positional ones).
	 *
	 * @param {string[]} names
	 * @return {string[]}
	 */
	function pingTemplates( names ) {
		var chunks = [];
		for ( var i = 0; i < names.length; i += MAX_PINGS_PER_EDIT ) {
			chunks.push( names.slice( i, i + MAX_PINGS_PER_EDIT ).map( function ( n ) {
				return n.replace( /_/g, ' ' );
			} ) );
		}
		return chunks.map( function ( chunk ) {
			var numbered = chunk.some( function ( n ) {
				return n.indexOf( '=' ) !== -1;
			} );
			return template( 'ping', chunk.map( function ( n, j ) {
				return numbered ? ( j + 1 ) + '=' + n : n;
			} ) );
		} );
	}

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
	 * The messages in `language`: English, overridden by the base language ("de" for "de-at"),
	 * overridden by the language itself.
	 *
	 * @param {Object} byLanguage messages by language code
	 * @param {string|null} language `wgUserLanguage`
	 * @return {Object}
	 */
	function messagesFor( byLanguage, language ) {
		var code = String( language || 'en' ).toLowerCase();
		return [ 'en', code.split( '-' )[ 0 ], code ].reduce( function ( result, lang ) {
			return Object.assign( result, byLanguage[ lang ] );
		}, {} );
	}

	/**
	 * A date for people: "Nov 22, 2026" in English; the input itself if it is not a date.
	 *
	 * @param {string} iso
	 * @param {string|null} language `wgUserLanguage`
	 * @return {string}
	 */
	function formatDate( iso, language ) {
		var date = new Date( iso );
		if ( isNaN( date.getTime() ) ) {
			return asText( iso );
		}
		var options = { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' };
		try {
			return date.toLocaleDateString( language || 'en', options );
		} catch ( e ) {
			// Some MediaWiki language codes are not valid BCP 47 tags.
			return date.toLocaleDateString( 'en', options );
		}
	}

	return {
		MAX_PINGS_PER_EDIT: MAX_PINGS_PER_EDIT,
		readConfig: readConfig,
		apiUrl: apiUrl,
		courseUrl: courseUrl,
		profileUrl: profileUrl,
		cacheKey: cacheKey,
		normalise: normalise,
		template: template,
		pingTemplates: pingTemplates,
		pageUser: pageUser,
		messagesFor: messagesFor,
		formatDate: formatDate
	};
}() );
