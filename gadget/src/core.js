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
	// v2: answers of both Dashboards (a v1 entry has no Dashboard per course).
	var CACHE_PREFIX = 'mw-coursestaff-v2:';
	// How long an answer is kept in session storage, s; an answer that lacks a Dashboard or some
	// course's data only as long as the service's own max-age for it (the contract's 60 s), so that
	// the missing part shows up soon after its Dashboard is back.
	var CACHE_SECONDS = 300;
	var PARTIAL_CACHE_SECONDS = 60;
	// The Dashboards, in the service's order (its `dashboard` ids), and the values of the
	// `dashboards` setting: one of them, or both.
	var DASHBOARD_IDS = [ 'outreach', 'wikiedu' ];
	var DASHBOARD_CHOICES = DASHBOARD_IDS.concat( [ 'all' ] );
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
	 * value, or a function of `mw.config.get`), and a parser or the list of values allowed. A new
	 * setting is one more row.
	 */
	var SETTINGS = [
		{
			name: 'apiBase', key: 'wgCourseStaffApiBase',
			fallback: 'https://outreach.toolforge.org', parse: stripTrailingSlashes
		},
		{
			name: 'dashboards', key: 'wgCourseStaffDashboards',
			fallback: defaultDashboards, values: DASHBOARD_CHOICES
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
				var raw = sources[ i ][ 1 ];
				if ( !isSet( raw ) ) {
					continue;
				}
				if ( !setting.values ) {
					value = setting.parse( raw );
				} else if ( setting.values.indexOf( raw ) !== -1 ) {
					value = raw;
				} else {
					refused.push( sources[ i ] );
				}
			}
			if ( value === undefined ) {
				value = typeof setting.fallback === 'function' ? setting.fallback( getConfig ) : setting.fallback;
			}
			refused.forEach( function ( source ) {
				warn( source[ 0 ] + ': ' + JSON.stringify( source[ 1 ] ) + ' is not one of ' +
					setting.values.join( ', ' ) + '; using ' + JSON.stringify( value ) );
			} );
			config[ setting.name ] = value;
		} );
		return config;
	}

	/**
	 * The service's active-staff URL. `dashboard` is left out for Programs & Events, the service's
	 * default, so that the request is the same as a v1 service answers.
	 *
	 * @param {Object} config from readConfig
	 * @param {string} user
	 * @return {string}
	 */
	function apiUrl( config, user ) {
		var query = [];
		if ( config.dashboards !== 'outreach' ) {
			query.push( 'dashboard=' + config.dashboards );
		}
		if ( config.useEventDates ) {
			query.push( 'use_event_dates=true' );
		}
		return config.apiBase + '/api/users/' + encodeURIComponent( user ) + '/active-staff' +
			( query.length ? '?' + query.join( '&' ) : '' );
	}

	function dashboardBase( config, dashboard ) {
		return dashboard === 'wikiedu' ? config.wikieduBase : config.outreachBase;
	}

	function courseUrl( config, dashboard, slug ) {
		return dashboardBase( config, dashboard ) + '/courses/' +
			slug.split( '/' ).map( encodeURIComponent ).join( '/' );
	}

	function profileUrl( config, dashboard, user ) {
		return dashboardBase( config, dashboard ) + '/users/' + encodeURIComponent( user );
	}

	/**
	 * Session-storage key of one answer: every setting is in it (each changes the answer or the
	 * links normalise builds), and the user.
	 *
	 * @param {Object} config from readConfig
	 * @param {string} user
	 * @return {string}
	 */
	function cacheKey( config, user ) {
		return CACHE_PREFIX + JSON.stringify( SETTINGS.map( function ( setting ) {
			return config[ setting.name ];
		} ).concat( [ user ] ) );
	}

	function asText( value ) {
		return value === undefined || value === null ? '' : String( value );
	}

	function asNames( value ) {
		return Array.isArray( value ) ? value.map( asText ).filter( Boolean ) : [];
	}

	function isDashboard( value ) {
		return DASHBOARD_IDS.indexOf( value ) !== -1;
	}

	function normaliseCourse( config, c, fallbackDashboard ) {
		var dashboard = isDashboard( c.dashboard ) ? c.dashboard : fallbackDashboard;
		var slug = asText( c.course_slug );
		return {
			dashboard: dashboard,
			slug: slug,
			// Only a web address becomes a link; without one (a v1 service) the link is built here.
			url: typeof c.course_url === 'string' && /^https?:\/\//i.test( c.course_url ) ?
				c.course_url : courseUrl( config, dashboard, slug ),
			title: asText( c.course_title ) || slug,
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
	 * Keeps only what the panel shows, as strings, whatever the service sent. A course without a
	 * Dashboard (a v1 service) is on the one asked, Programs & Events for both.
	 *
	 * @param {*} data the service's active-staff answer
	 * @param {Object} config from readConfig
	 * @param {string} user
	 * @return {Object} `courses` (objects), `allStaff` (names), `profiles` (the user's profile on
	 *  each Dashboard the answer shows them on: `dashboard`, `url`), `unreachable` (Dashboards
	 *  that failed) and `partial` (something is missing)
	 */
	function normalise( data, config, user ) {
		var answer = data && typeof data === 'object' ? data : {};
		var statuses = answer.dashboards && typeof answer.dashboards === 'object' ? answer.dashboards : {};
		var fallbackDashboard = config.dashboards === 'all' ? 'outreach' : config.dashboards;
		var rows = Array.isArray( answer.courses ) ? answer.courses : [];
		var courses = rows.filter( function ( c ) {
			return c && typeof c === 'object' && isSet( c.course_slug );
		} ).map( function ( c ) {
			return normaliseCourse( config, c, fallbackDashboard );
		} );
		var unreachable = DASHBOARD_IDS.filter( function ( id ) {
			return statuses[ id ] === 'error';
		} );
		return {
			courses: courses,
			allStaff: asNames( answer.all_staff ),
			profiles: DASHBOARD_IDS.filter( function ( id ) {
				return statuses[ id ] === 'ok' || courses.some( function ( c ) {
					return c.dashboard === id;
				} );
			} ).map( function ( id ) {
				return { dashboard: id, url: profileUrl( config, id, user ) };
			} ),
			unreachable: unreachable,
			partial: answer.partial === true || unreachable.length > 0
		};
	}

	/**
	 * How long session storage keeps a normalised answer, s.
	 *
	 * @param {Object} result from normalise
	 * @return {number}
	 */
	function cacheSeconds( result ) {
		return result.partial ? PARTIAL_CACHE_SECONDS : CACHE_SECONDS;
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
		cacheSeconds: cacheSeconds,
		template: template,
		pingTemplates: pingTemplates,
		pageUser: pageUser,
		messagesFor: messagesFor,
		formatDate: formatDate
	};
}() );
