// <nowiki>
/**
 * Course staff gadget 1.0.0: the "Course staff" tab on user pages and badges in lists, loaded by course-staff.js.
 * Built from the outreach-dashboard-helper repository (gadget/src, gadget/i18n) by `npm run build:gadget`.
 * Do not edit this page: change the source there; the next deploy overwrites this page.
 * Installation, configuration and privacy: GADGET.md in that repository.
 */
( function () {
var courseStaffEnglish = {
	"coursestaff-tab": "Course staff",
	"coursestaff-tab-tooltip": "Staff of this user's active Dashboard courses",
	"coursestaff-heading": "Course staff of $1",
	"coursestaff-summary": "\u007B\u007BPLURAL:$1|$1 active course|$1 active courses\u007D\u007D, \u007B\u007BPLURAL:$2|$2 staff member|$2 staff members\u007D\u007D",
	"coursestaff-unreachable": "The $1 could not be reached, so courses there may be missing. Try again in a minute.",
	"coursestaff-close": "Close",
	"coursestaff-dashboard-outreach": "Programs & Events Dashboard",
	"coursestaff-dashboard-wikiedu": "Wiki Education Dashboard",
	"coursestaff-school": "Institution",
	"coursestaff-term": "Term",
	"coursestaff-role": "Role in this course",
	"coursestaff-event-dates": "Event dates",
	"coursestaff-tracking-dates": "Tracking dates",
	"coursestaff-date-range": "$1 – $2",
	"coursestaff-date-unknown": "not set",
	"coursestaff-staff": "Staff",
	"coursestaff-no-staff": "No staff listed.",
	"coursestaff-talk-tooltip": "Talk page of $1",
	"coursestaff-profile": "Profile of $1 on the $2",
	"coursestaff-copy": "Copy ping",
	"coursestaff-copy-tooltip": "Copy a $1 template naming every staff member",
	"coursestaff-copied": "\u007B\u007BPLURAL:$1|Copied a ping for $1 user.|Copied a ping for $1 users.\u007D\u007D",
	"coursestaff-copy-split": "More than $1 names: the ping is split into $2 templates. Post each one in a separate signed edit, because an edit that mentions more than $1 users notifies nobody.",
	"coursestaff-copy-fallback": "Copying is not available here: select the text below and copy it.",
	"coursestaff-copy-field": "Ping text",
	"coursestaff-badge-one": "$1, current course: $2",
	"coursestaff-badge-many": "$1, \u007B\u007BPLURAL:$2|$2 current course|$2 current courses\u007D\u007D",
	"coursestaff-card-heading": "Current courses of $1",
	"coursestaff-role-outreach-0": "Participant",
	"coursestaff-role-wikiedu-0": "Student",
	"coursestaff-role-outreach-1": "Facilitator",
	"coursestaff-role-wikiedu-1": "Instructor",
	"coursestaff-role-2": "Campus volunteer",
	"coursestaff-role-3": "Online volunteer",
	"coursestaff-role-4": "Wiki Education staff"
};
var courseStaffTranslations = {
	"ar": { version: "ff210b75a8", complete: true },
	"cs": { version: "2ceb61029d", complete: true },
	"de": { version: "29fe3d3076", complete: true },
	"es": { version: "5c6f468a8d", complete: true },
	"fa": { version: "5b89120aac", complete: true },
	"fr": { version: "adc5a95ac6", complete: true },
	"he": { version: "358e58757e", complete: true },
	"id": { version: "b65e9558de", complete: true },
	"it": { version: "176bd3380a", complete: true },
	"pt-br": { version: "dd6e2b0d7f", complete: true },
	"pt": { version: "36d61ff479", complete: true },
	"ru": { version: "e58f9ee4bc", complete: true },
	"uk": { version: "9bdb0ad955", complete: true },
	"zh-hans": { version: "405f5e03ab", complete: true }
};

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
 * Course staff gadget: the pure part of the tab and the panel (no DOM, no `mw`; everything it
 * needs comes in as arguments), beside settings.js. scripts/build-gadget.ts puts it into the main
 * module; Node tests load it with settings.js (test/gadget/support/core.ts). ES5 syntax, like
 * every gadget file.
 */
var courseStaffCore = ( function () {
	'use strict';

	// Echo sends no mention notification at all for an edit that mentions more than 50 users.
	var MAX_PINGS_PER_EDIT = 50;
	// v2: answers of both Dashboards (a v1 entry has no Dashboard per course).
	var CACHE_PREFIX = 'mw-coursestaff-v2:';
	// How long an answer is kept in session storage, s; an answer that lacks a Dashboard or some
	// course's data only as long as the service's own max-age for it (the contract's 60 s), so that
	// the missing part shows up soon after its Dashboard is back.
	var CACHE_SECONDS = 300;
	var PARTIAL_CACHE_SECONDS = 60;
	// The settings that change the tab's answer or the links normalise builds.
	var TAB_SETTINGS = [ 'apiBase', 'dashboards', 'outreachBase', 'wikieduBase', 'useEventDates' ];
	var DASHBOARD_IDS = courseStaffSettings.DASHBOARD_IDS;
	// Written as escapes so that the wiki page holding this code never contains a template call.
	var TEMPLATE_OPEN = '\x7B\x7B';
	var TEMPLATE_CLOSE = '\x7D\x7D';
	// What a path segment may hold that encodeURIComponent encodes: the service's course links
	// (src/dashboard/paths.ts) and the Dashboard's own keep `$ & + , : ; = @` as they are.
	var PCHAR_KEPT = /%(?:24|26|2B|2C|3A|3B|3D|40)/g;
	// The roles by the Dashboards' English names for them (CoursesUsers::Roles; as the service's
	// src/domain/roles.ts reads them).
	var ROLE_BY_LABEL = {
		student: 0,
		editor: 0,
		instructor: 1,
		facilitator: 1,
		'campus volunteer': 2,
		'online volunteer': 3,
		'wiki education staff': 4
	};

	function isSet( value ) {
		return value !== undefined && value !== null && value !== '';
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

	/**
	 * The text with each UTF-16 surrogate that lacks its other half (which encodeURIComponent
	 * refuses, and JSON can carry) replaced by U+FFFD, as the service does.
	 *
	 * @param {string} text
	 * @return {string}
	 */
	function wellFormed( text ) {
		var out = '';
		for ( var i = 0; i < text.length; i++ ) {
			var code = text.charCodeAt( i );
			var next = text.charCodeAt( i + 1 );
			if ( code >= 0xD800 && code <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF ) {
				out += text.slice( i, i + 2 );
				i++;
			} else {
				out += code >= 0xD800 && code <= 0xDFFF ? '\uFFFD' : text.charAt( i );
			}
		}
		return out;
	}

	/**
	 * A course's page on its Dashboard, written as the service and the Dashboard write it: each
	 * segment of the slug percent-encoded but for `( ) ' , $ & + : ; = @`, real slashes between
	 * them, a lone surrogate as U+FFFD.
	 *
	 * @param {Object} config from readConfig
	 * @param {string} dashboard its id
	 * @param {string} slug
	 * @return {string}
	 */
	function courseUrl( config, dashboard, slug ) {
		return dashboardBase( config, dashboard ) + '/courses/' + wellFormed( slug ).split( '/' ).map( function ( segment ) {
			return encodeURIComponent( segment ).replace( PCHAR_KEPT, decodeURIComponent );
		} ).join( '/' );
	}

	function profileUrl( config, dashboard, user ) {
		return dashboardBase( config, dashboard ) + '/users/' + encodeURIComponent( user );
	}

	/**
	 * Session-storage key of one answer: every setting that changes the answer or the links
	 * normalise builds is in it, and the user.
	 *
	 * @param {Object} config from readConfig
	 * @param {string} user
	 * @return {string}
	 */
	function cacheKey( config, user ) {
		return CACHE_PREFIX + JSON.stringify( TAB_SETTINGS.map( function ( name ) {
			return config[ name ];
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

	/**
	 * A role's number from the Dashboard's English name of it (the service passes it on as it
	 * is: "Student", "Instructor"; Programs & Events also says "Editor", "Facilitator"); null for
	 * a name it does not know, which is then shown as it is.
	 *
	 * @param {string} label
	 * @return {number|null}
	 */
	function roleOf( label ) {
		var key = String( label ).trim().replace( /\s+/g, ' ' ).toLowerCase();
		return Object.prototype.hasOwnProperty.call( ROLE_BY_LABEL, key ) ?
			ROLE_BY_LABEL[ key ] : null;
	}

	/**
	 * A date for people, in the first of `locales` that the browser can write dates in ("Nov 22,
	 * 2026" in English), in the Gregorian calendar (MediaWiki's default, and the Dashboards')
	 * and in Latin digits (which the caller may turn into the wiki's); the input itself if it is
	 * not a date.
	 *
	 * @param {string} iso
	 * @param {string[]} locales BCP 47 tags, best first
	 * @return {string}
	 */
	function formatDate( iso, locales ) {
		var date = new Date( iso );
		if ( isNaN( date.getTime() ) ) {
			return asText( iso );
		}
		// A tag that is not valid BCP 47 would make Intl throw for the whole list.
		var valid = locales.filter( function ( tag ) {
			try {
				return Intl.getCanonicalLocales( tag ).length === 1;
			} catch ( e ) {
				return false;
			}
		} );
		return date.toLocaleDateString( valid.concat( 'en' ), {
			year: 'numeric',
			month: 'short',
			day: 'numeric',
			timeZone: 'UTC',
			calendar: 'gregory',
			numberingSystem: 'latn'
		} );
	}

	return {
		MAX_PINGS_PER_EDIT: MAX_PINGS_PER_EDIT,
		apiUrl: apiUrl,
		courseUrl: courseUrl,
		profileUrl: profileUrl,
		cacheKey: cacheKey,
		normalise: normalise,
		cacheSeconds: cacheSeconds,
		template: template,
		pingTemplates: pingTemplates,
		roleOf: roleOf,
		formatDate: formatDate
	};
}() );

/**
 * Course staff gadget: the pure part of the badges in lists (no DOM, no `mw`): the requests to
 * the service's /api/badges, its answers, what the session remembers, and what a badge says.
 * Part of the main module (scripts/build-gadget.ts); Node tests load it with settings.js and
 * core.js (test/gadget/support/core.ts).
 */
var courseStaffBadgesCore = ( function ( settings, core ) {
	'use strict';

	// The contract's limit for one GET, and the gadget's for one request of either kind.
	var MAX_NAMES = 50;
	// One session-storage entry per service and choice of Dashboards, holding every name asked.
	var CACHE_PREFIX = 'mw-coursestaff-v2:badges:';
	// As the tab's answers (core.js): 5 minutes, 1 for an answer the service marks partial.
	var CACHE_SECONDS = 300;
	var PARTIAL_CACHE_SECONDS = 60;
	// Names kept at most: a session of many list pages must not fill session storage.
	var MAX_REMEMBERED = 3000;
	// Roles (the Dashboards' numbers): 0 a participant; 1 and above run or support the course.
	var STAFF_ROLE = 1;
	var MAX_ROLE = 4;

	/**
	 * The URL of the service's badges endpoint.
	 *
	 * @param {Object} config from readConfig
	 * @return {string}
	 */
	function requestUrl( config ) {
		return config.apiBase + '/api/badges';
	}

	/**
	 * The form body of one request (`application/x-www-form-urlencoded`: a form POST needs no
	 * CORS preflight, and the names stay out of URLs and access logs). `dashboard` is left out
	 * for Programs & Events, the service's default.
	 *
	 * @param {Object} config from readConfig
	 * @param {string[]} names at most MAX_NAMES
	 * @return {string}
	 */
	function requestBody( config, names ) {
		return 'users=' + encodeURIComponent( names.join( '|' ) ) +
			( config.dashboards === 'outreach' ? '' : '&dashboard=' + config.dashboards );
	}

	/**
	 * Takes the next request's names off the front of `queue` (which it changes): at most
	 * MAX_NAMES, passing over (and dropping) those `wanted` no longer wants, such as the names
	 * of a list that was replaced before they were asked.
	 *
	 * @param {string[]} queue
	 * @param {Function} wanted called with a name
	 * @return {string[]}
	 */
	function nextBatch( queue, wanted ) {
		var batch = [];
		while ( queue.length && batch.length < MAX_NAMES ) {
			var name = queue.shift();
			if ( wanted( name ) ) {
				batch.push( name );
			}
		}
		return batch;
	}

	function asText( value ) {
		return typeof value === 'string' ? value : '';
	}

	function asRole( value ) {
		return typeof value === 'number' && value % 1 === 0 && value >= 0 && value <= MAX_ROLE ? value : 0;
	}

	/**
	 * Keeps what the card shows of one badge, as plain values, whatever the service sent.
	 *
	 * @param {Object} badge
	 * @param {Object} config from readConfig
	 * @return {Object|null} `dashboard`, `slug`, `url`, `title`, `role`, `staff`; null for garbage
	 */
	function readBadge( badge, config ) {
		if ( !badge || typeof badge !== 'object' || !asText( badge.course_slug ) ) {
			return null;
		}
		var dashboard = settings.DASHBOARD_IDS.indexOf( badge.dashboard ) !== -1 ? badge.dashboard : 'outreach';
		var slug = badge.course_slug;
		return {
			dashboard: dashboard,
			slug: slug,
			url: /^https?:\/\//i.test( asText( badge.course_url ) ) ?
				badge.course_url : core.courseUrl( config, dashboard, slug ),
			// Null while the service does not know the course's details yet.
			title: asText( badge.course_title ) || slug,
			role: asRole( badge.role ),
			staff: Array.isArray( badge.staff ) ? badge.staff.filter( function ( name ) {
				return typeof name === 'string' && name !== '';
			} ) : []
		};
	}

	/**
	 * What one answer says about each name asked: the canonical name and the badges (none for a
	 * name absent from `users`, or invalid).
	 *
	 * @param {*} data the service's answer
	 * @param {string[]} asked the names sent
	 * @param {Object} config from readConfig
	 * @return {Object} `people`: {asked name: {user, badges}}, `partial`: whether it is partial
	 */
	function readAnswer( data, asked, config ) {
		var answer = data && typeof data === 'object' ? data : {};
		var users = answer.users && typeof answer.users === 'object' ? answer.users : {};
		var normalized = answer.normalized && typeof answer.normalized === 'object' ? answer.normalized : {};
		var people = {};
		asked.forEach( function ( name ) {
			var user = asText( normalized[ name ] ) || name;
			var own = Object.prototype.hasOwnProperty.call( users, user );
			var badges = own && Array.isArray( users[ user ] ) ? users[ user ] : [];
			people[ name ] = {
				user: user,
				badges: badges.map( function ( badge ) {
					return readBadge( badge, config );
				} ).filter( Boolean )
			};
		} );
		return { people: people, partial: answer.partial === true };
	}

	/**
	 * Session-storage key of the names remembered: the settings that change an answer or its
	 * links are in it.
	 *
	 * @param {Object} config from readConfig
	 * @return {string}
	 */
	function cacheKey( config ) {
		return CACHE_PREFIX + JSON.stringify(
			[ config.apiBase, config.dashboards, config.outreachBase, config.wikieduBase ]
		);
	}

	/**
	 * Whether a remembered row, `[expiry (s), person]`, still holds at `now`.
	 *
	 * @param {*} row
	 * @param {number} now seconds
	 * @return {boolean}
	 */
	function isFresh( row, now ) {
		return Array.isArray( row ) && row[ 0 ] > now &&
			Boolean( row[ 1 ] ) && Array.isArray( row[ 1 ].badges );
	}

	/**
	 * The people remembered and still fresh at `now`.
	 *
	 * @param {*} stored the entry read from session storage: {name: [expiry (s), person]}
	 * @param {number} now seconds
	 * @return {Object} {name: person}
	 */
	function remembered( stored, now ) {
		var people = {};
		if ( stored && typeof stored === 'object' ) {
			Object.keys( stored ).forEach( function ( name ) {
				if ( isFresh( stored[ name ], now ) ) {
					people[ name ] = stored[ name ][ 1 ];
				}
			} );
		}
		return people;
	}

	/**
	 * The session-storage entry with an answer's people added: expired names dropped, the oldest
	 * dropped beyond MAX_REMEMBERED.
	 *
	 * @param {*} stored the entry as read (or null)
	 * @param {Object} answer from readAnswer
	 * @param {number} now seconds
	 * @return {Object} the entry to store, for CACHE_SECONDS
	 */
	function remember( stored, answer, now ) {
		var expiry = now + ( answer.partial ? PARTIAL_CACHE_SECONDS : CACHE_SECONDS );
		var rows = [];
		var current = stored && typeof stored === 'object' ? stored : {};
		Object.keys( current ).forEach( function ( name ) {
			if ( isFresh( current[ name ], now ) && !answer.people[ name ] ) {
				rows.push( [ name, current[ name ] ] );
			}
		} );
		Object.keys( answer.people ).forEach( function ( name ) {
			rows.push( [ name, [ expiry, answer.people[ name ] ] ] );
		} );
		var entry = {};
		rows.slice( -MAX_REMEMBERED ).forEach( function ( row ) {
			entry[ row[ 0 ] ] = row[ 1 ];
		} );
		return entry;
	}

	/**
	 * What a person's badge says: their highest role (and on which Dashboard, whose words for a
	 * role differ), how many current courses, and the title of the only one.
	 *
	 * @param {Object[]} badges from readBadge, at least one
	 * @return {Object} `role`, `dashboard`, `staff` (a staff role?), `count`, `title`
	 */
	function summary( badges ) {
		var top = badges.reduce( function ( best, badge ) {
			return badge.role > best.role ? badge : best;
		} );
		return {
			role: top.role,
			dashboard: top.dashboard,
			staff: top.role >= STAFF_ROLE,
			count: badges.length,
			title: badges.length === 1 ? badges[ 0 ].title : null
		};
	}

	/**
	 * The message key of a role's name: the Dashboards name participants and instructors
	 * differently (Programs & Events: participant, facilitator; Wiki Education: student,
	 * instructor), the volunteers and Wiki Education's staff alike.
	 *
	 * @param {string} dashboard
	 * @param {number} role
	 * @return {string}
	 */
	function roleMessage( dashboard, role ) {
		return 'coursestaff-role-' + ( role < 2 ? dashboard + '-' + role : String( role ) );
	}

	/**
	 * Every staff member of the courses, once, sorted as the service sorts (by code point).
	 *
	 * @param {Object[]} badges from readBadge
	 * @return {string[]}
	 */
	function allStaff( badges ) {
		var seen = {};
		badges.forEach( function ( badge ) {
			badge.staff.forEach( function ( name ) {
				seen[ name ] = true;
			} );
		} );
		return Object.keys( seen ).sort();
	}

	return {
		MAX_NAMES: MAX_NAMES,
		CACHE_SECONDS: CACHE_SECONDS,
		requestUrl: requestUrl,
		requestBody: requestBody,
		nextBatch: nextBatch,
		readAnswer: readAnswer,
		cacheKey: cacheKey,
		remembered: remembered,
		remember: remember,
		summary: summary,
		roleMessage: roleMessage,
		allStaff: allStaff
	};
}( courseStaffSettings, courseStaffCore ) );

/**
 * Course staff gadget: the pure part of its languages (no DOM, no `mw`; everything comes in as
 * arguments): the reader's fallback chain, which translations to load, which language each
 * message comes from, the wiki's own messages, and each language's direction. Part of the main
 * module; Node tests load it like core.js (test/gadget/support/core.ts).
 */
var courseStaffLanguages = ( function () {
	'use strict';

	// The languages MediaWiki writes right to left (its languages/messages/Messages*.php with
	// `$rtl = true`), by code; a code not listed is right to left when its base is listed.
	var RTL = [
		'aeb-arab', 'ar', 'arc', 'arq', 'ary', 'arz', 'azb', 'bcc', 'bgn', 'bqi', 'ckb', 'dv', 'en-rtl',
		'fa', 'glk', 'he', 'khw', 'kk-arab', 'kk-cn', 'ks-arab', 'ku-arab', 'lki', 'lrc', 'luz',
		'ms-arab', 'mzn', 'nqo', 'pnb', 'ps', 'sd', 'sdh', 'skr-arab', 'ug-arab', 'ur', 'yi'
	];
	// What a MediaWiki language code may look like (lower case: letters, digits, hyphens).
	var LANGUAGE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/;
	var SOURCE = 'en';

	function own( object, key ) {
		return Object.prototype.hasOwnProperty.call( object, key );
	}

	/**
	 * The languages to take messages from, best first, English last: MediaWiki's fallback chain of
	 * the reader's language (mw.language.getFallbackLanguageChain(), in MediaWiki 1.39 and later),
	 * lower case, each once, English added where missing.
	 *
	 * @param {string[]} mwChain
	 * @return {string[]}
	 */
	function chain( mwChain ) {
		var result = [];
		mwChain.concat( SOURCE ).forEach( function ( c ) {
			var lower = String( c ).toLowerCase();
			if ( LANGUAGE_CODE.test( lower ) && result.indexOf( lower ) === -1 ) {
				result.push( lower );
			}
		} );
		// Nothing after English: every message is there.
		return result.slice( 0, result.indexOf( SOURCE ) + 1 );
	}

	/**
	 * The translations to load for a chain: those the gadget has, up to the first that holds every
	 * message (the rest of the chain would never be used). English is always at hand.
	 *
	 * @param {string[]} languages from chain()
	 * @param {Object} available by code: `{ complete: boolean }`
	 * @return {string[]}
	 */
	function toLoad( languages, available ) {
		var result = [];
		for ( var i = 0; i < languages.length && languages[ i ] !== SOURCE; i++ ) {
			var info = own( available, languages[ i ] ) ? available[ languages[ i ] ] : null;
			if ( info ) {
				result.push( languages[ i ] );
				if ( info.complete ) {
					break;
				}
			}
		}
		return result;
	}

	/**
	 * Each message from the first language of the chain that has it, and the language it came
	 * from; `language` is the one most messages came from (the earlier in the chain on a tie), for
	 * the gadget's own containers.
	 *
	 * @param {string[]} languages from chain()
	 * @param {Object} tables messages by language code; `en` holds every key
	 * @return {Object} `messages` (key: text), `languages` (key: code), `language`
	 */
	function resolve( languages, tables ) {
		var messages = {};
		var from = {};
		var counts = {};
		Object.keys( tables[ SOURCE ] ).forEach( function ( key ) {
			for ( var i = 0; i < languages.length; i++ ) {
				var table = own( tables, languages[ i ] ) ? tables[ languages[ i ] ] : null;
				if ( table && own( table, key ) && typeof table[ key ] === 'string' ) {
					messages[ key ] = table[ key ];
					from[ key ] = languages[ i ];
					counts[ languages[ i ] ] = ( counts[ languages[ i ] ] || 0 ) + 1;
					return;
				}
			}
		} );
		var language = languages.reduce( function ( best, code ) {
			return ( counts[ code ] || 0 ) > ( counts[ best ] || 0 ) ? code : best;
		} );
		return { messages: messages, languages: from, language: language };
	}

	/**
	 * Two tables of messages in one: `over` wins, language by language and key by key.
	 *
	 * @param {Object} base messages by language code
	 * @param {Object} over messages by language code
	 * @return {Object}
	 */
	function merge( base, over ) {
		var result = {};
		Object.keys( base ).concat( Object.keys( over ) ).forEach( function ( code ) {
			result[ code ] = Object.assign( {}, result[ code ], base[ code ], over[ code ] );
		} );
		return result;
	}

	/**
	 * The wiki's own messages (MediaWiki:Gadget-course-staff-messages.json) as far as they are
	 * usable: language codes to objects of the gadget's message keys to text. Anything else is left
	 * out and named in `problems`, so that one mistake costs that entry only.
	 *
	 * @param {*} data the page's JSON
	 * @param {string[]} keys the gadget's message keys
	 * @return {Object} `messages` (by language code), `problems` (strings)
	 */
	function readLocal( data, keys ) {
		var messages = {};
		var problems = [];
		if ( data === null || data === undefined ) {
			return { messages: messages, problems: problems };
		}
		if ( typeof data !== 'object' || Array.isArray( data ) ) {
			return { messages: messages, problems: [ 'not an object of languages' ] };
		}
		Object.keys( data ).forEach( function ( code ) {
			var table = data[ code ];
			var lower = code.toLowerCase();
			if ( !LANGUAGE_CODE.test( lower ) || !table || typeof table !== 'object' || Array.isArray( table ) ) {
				problems.push( code );
				return;
			}
			Object.keys( table ).forEach( function ( key ) {
				if ( keys.indexOf( key ) === -1 || typeof table[ key ] !== 'string' ) {
					problems.push( code + '.' + key );
				} else {
					messages[ lower ] = messages[ lower ] || {};
					messages[ lower ][ key ] = table[ key ];
				}
			} );
		} );
		return { messages: messages, problems: problems };
	}

	/**
	 * The direction a language is written in.
	 *
	 * @param {string} code
	 * @return {string} `rtl` or `ltr`
	 */
	function direction( code ) {
		var lower = String( code ).toLowerCase();
		return RTL.indexOf( lower ) !== -1 || RTL.indexOf( lower.split( '-' )[ 0 ] ) !== -1 ? 'rtl' : 'ltr';
	}

	return {
		SOURCE: SOURCE,
		chain: chain,
		toLoad: toLoad,
		resolve: resolve,
		merge: merge,
		readLocal: readLocal,
		direction: direction
	};
}() );

/**
 * Course staff gadget: its messages in the reader's language. English is in the main module;
 * each other language is a page of its own (MediaWiki:Gadget-course-staff-i18n-<code>.js, built
 * from gadget/i18n), of which only those of the reader's fallback chain are loaded; the wiki's
 * own messages (MediaWiki:Gadget-course-staff-messages.json, a page of the main gadget) win over
 * the gadget's in their language. Part of the main module. GADGET.md: "Languages".
 */
var courseStaffI18n = ( function ( languages, english, translations ) {
	'use strict';

	// The wiki's own messages: a JSON page of the main gadget, which is a ResourceLoader package.
	var LOCAL_PAGE = 'course-staff-messages.json';

	/**
	 * The wiki's own messages, as the page holds them; null where the wiki has no such page, or
	 * where the main module is not the wiki's gadget (a personal-script installation).
	 *
	 * @return {*}
	 */
	function localData() {
		if ( typeof require !== 'function' ) {
			return null;
		}
		try {
			return require( './' + LOCAL_PAGE );
		} catch ( e ) {
			// No such page on this wiki: ResourceLoader leaves the file out of the package.
			return null;
		}
	}

	/**
	 * The messages of one translation, from its page (once a page view).
	 *
	 * @param {string} code
	 * @param {Function} fileUrl the URL of one of the gadget's files, by name
	 * @return {Promise<Object>}
	 */
	function loadTranslation( code, fileUrl ) {
		var loaded = mw.libs.courseStaffMessages = mw.libs.courseStaffMessages || {};
		if ( loaded[ code ] ) {
			return Promise.resolve( loaded[ code ] );
		}
		var url = fileUrl( 'course-staff-i18n-' + code + '.js' );
		// The translation's version: a new one is a new URL, so browsers and the wiki's caches may
		// keep each as long as they like.
		url += ( url.indexOf( '?' ) === -1 ? '?' : '&' ) + 'version=' + translations[ code ].version;
		return Promise.resolve( mw.loader.getScript( url ) ).then( function () {
			if ( !loaded[ code ] ) {
				throw new Error( url + ' holds no messages in ' + code );
			}
			return loaded[ code ];
		} );
	}

	/**
	 * Sets the messages (mw.messages) in the reader's language, each from the first language of
	 * their fallback chain that has it; a translation that cannot be loaded, or the wiki's messages
	 * in part, cost one console warning and fall back.
	 *
	 * @param {Function} fileUrl the URL of one of the gadget's files, by name
	 * @param {Function} warn
	 * @return {Promise<Object>} never rejected: `resolved` (from courseStaffLanguages.resolve),
	 *  `locales` (the chain as BCP 47 tags, for dates)
	 */
	function load( fileUrl, warn ) {
		var chain = languages.chain( mw.language.getFallbackLanguageChain() );
		var local = languages.readLocal( localData(), Object.keys( english ) );
		if ( local.problems.length ) {
			warn( 'MediaWiki:Gadget-' + LOCAL_PAGE + ': left out ' + local.problems.join( ', ' ) );
		}
		var codes = languages.toLoad( chain, translations );
		return Promise.all( codes.map( function ( code ) {
			return loadTranslation( code, fileUrl ).then( null, function ( err ) {
				warn( err );
				return null;
			} );
		} ) ).then( function ( loaded ) {
			var tables = {};
			tables[ languages.SOURCE ] = english;
			codes.forEach( function ( code, i ) {
				if ( loaded[ i ] ) {
					tables[ code ] = loaded[ i ];
				}
			} );
			var resolved = languages.resolve( chain, languages.merge( tables, local.messages ) );
			mw.messages.set( resolved.messages );
			return {
				resolved: resolved,
				locales: chain.map( mw.language.bcp47 )
			};
		} );
	}

	return { load: load };
}( courseStaffLanguages, courseStaffEnglish, courseStaffTranslations ) );

/**
 * Course staff gadget: what the tab's panel and the badges' card share, bound to MediaWiki
 * (`mw`) and the DOM: messages (in the language they came in, names isolated from the text
 * around them), elements, staff lists, the copy-ping controls.
 */
var courseStaffUi = ( function ( core, badgesCore, languages ) {
	'use strict';

	// Unicode's isolates (FIRST STRONG ISOLATE, POP DIRECTIONAL ISOLATE): a name inside a text that
	// cannot hold elements (a tooltip, an accessible name) keeps its own direction.
	var FSI = '\u2068';
	var PDI = '\u2069';
	// Marks where an element goes in a message's text (a private-use character, never in one).
	var SLOT = '\uE000';
	// Which language each message came in, the one of the gadget's own containers, and the
	// locales dates are written in: set once the messages are in (setLanguages).
	var from = {};
	var main = languages.SOURCE;
	var dateLocales = [ languages.SOURCE ];

	/**
	 * @param {Object} resolved from courseStaffLanguages.resolve
	 * @param {string[]} locales BCP 47 tags of the reader's fallback chain, for dates
	 */
	function setLanguages( resolved, locales ) {
		from = resolved.languages;
		main = resolved.language;
		dateLocales = locales;
	}

	function isNode( value ) {
		return value !== null && typeof value === 'object' && typeof value.nodeType === 'number';
	}

	/**
	 * A message as text, for attributes (tooltips, accessible names): each element parameter (a
	 * name, see bdi) becomes its text between isolates. Wikitext that must reach the reader
	 * literally (a template call) is always a parameter: mediawiki.jqueryMsg would parse it inside
	 * the message itself.
	 *
	 * @param {string} key
	 * @param {...(string|Node)} params
	 * @return {string}
	 */
	function msg( key ) {
		var params = Array.prototype.slice.call( arguments, 1 ).map( function ( p ) {
			return isNode( p ) ? FSI + p.textContent + PDI : p;
		} );
		return mw.message.apply( mw, [ key ].concat( params ) ).text();
	}

	/**
	 * The `lang` (BCP 47, as MediaWiki writes it: "pt-BR" for "pt-br") and `dir` of a language.
	 *
	 * @param {string} code
	 * @return {Object}
	 */
	function langDir( code ) {
		return { lang: mw.language.bcp47( code ), dir: languages.direction( code ) };
	}

	/**
	 * The language and direction of one message, for an element that holds it alone.
	 *
	 * @param {string} key
	 * @return {Object} `lang`, `dir`
	 */
	function langOf( key ) {
		return langDir( from[ key ] || main );
	}

	/**
	 * The language and direction of the gadget's own containers (panel, card): those of most of
	 * its messages, which may be a fallback of the reader's language.
	 *
	 * @return {Object} `lang`, `dir`
	 */
	function container() {
		return langDir( main );
	}

	/**
	 * An element's attributes and properties with the `lang` and `dir` of `language`.
	 *
	 * @param {Object} language from langOf or container
	 * @param {Object} props
	 * @return {Object}
	 */
	function inLanguage( language, props ) {
		return Object.assign( {}, props, language );
	}

	function warn() {
		// eslint-disable-next-line no-console
		console.warn.apply( console, [ '[course-staff]' ].concat( Array.prototype.slice.call( arguments ) ) );
	}

	/**
	 * document.createElement with properties and children; strings always become text nodes.
	 *
	 * @param {string} tag
	 * @param {Object} [props] properties, or attributes for `aria-*`, `data-*` and `role`
	 * @param {Array} [children] nodes and strings; null and undefined are skipped
	 * @return {HTMLElement}
	 */
	function el( tag, props, children ) {
		var node = document.createElement( tag );
		Object.keys( props || {} ).forEach( function ( name ) {
			if ( /^(aria|data)-/.test( name ) || name === 'role' ) {
				node.setAttribute( name, props[ name ] );
			} else {
				node[ name ] = props[ name ];
			}
		} );
		( children || [] ).forEach( function ( child ) {
			if ( child !== null && child !== undefined ) {
				node.appendChild( typeof child === 'string' ? document.createTextNode( child ) : child );
			}
		} );
		return node;
	}

	/**
	 * A message as nodes: its text, with each element parameter (a name, see bdi) in its place; a
	 * message in another language than the container it goes into is wrapped in an element
	 * saying its language and direction.
	 *
	 * @param {string} key
	 * @param {...(string|Node)} params
	 * @return {Node[]}
	 */
	function nodes( key ) {
		var params = Array.prototype.slice.call( arguments, 1 );
		var text = mw.message.apply( mw, [ key ].concat( params.map( function ( p, i ) {
			return isNode( p ) ? SLOT + i + SLOT : p;
		} ) ) ).text();
		// Odd parts are parameter numbers; a parameter used twice is copied.
		var parts = text.split( SLOT ).map( function ( part, i ) {
			return i % 2 ?
				params[ Number( part ) ].cloneNode( true ) :
				document.createTextNode( part );
		} );
		return from[ key ] && from[ key ] !== main ? [ el( 'span', langOf( key ), parts ) ] : parts;
	}

	/**
	 * Text of unknown direction (a username, a course title, whatever a Dashboard holds), isolated
	 * from what is around it.
	 *
	 * @param {string} text
	 * @return {HTMLElement}
	 */
	function bdi( text ) {
		return el( 'bdi', {}, [ text ] );
	}

	/**
	 * A number in the reader's digits and grouping, for a message parameter.
	 *
	 * @param {number} n
	 * @return {string}
	 */
	function number( n ) {
		return mw.language.convertNumber( n );
	}

	/**
	 * A date in the reader's language, in the same digits as the wiki's numbers (MediaWiki's, not
	 * the browser's: Arabic-Indic on an Arabic wiki that writes numbers so, else Latin).
	 *
	 * @param {string} iso
	 * @return {string}
	 */
	function date( iso ) {
		return core.formatDate( iso, dateLocales ).replace( /[0-9]/g, function ( digit ) {
			return number( Number( digit ) );
		} );
	}

	/**
	 * A role's name in the words of the Dashboard the role is on, as text (for an accessible name).
	 *
	 * @param {string} dashboard
	 * @param {number} role
	 * @return {string}
	 */
	function roleText( dashboard, role ) {
		// Messages used here: coursestaff-role-outreach-0, coursestaff-role-wikiedu-0,
		// coursestaff-role-outreach-1, coursestaff-role-wikiedu-1, coursestaff-role-2,
		// coursestaff-role-3, coursestaff-role-4
		return msg( badgesCore.roleMessage( dashboard, role ) );
	}

	/**
	 * A role's name as roleText says it, as nodes (for an element).
	 *
	 * @param {string} dashboard
	 * @param {number} role
	 * @return {Node[]}
	 */
	function roleNodes( dashboard, role ) {
		return nodes( badgesCore.roleMessage( dashboard, role ) );
	}

	/**
	 * The name of a Dashboard.
	 *
	 * @param {string} dashboard its id
	 * @return {HTMLElement}
	 */
	function dashboardLabel( dashboard ) {
		// Messages used here: coursestaff-dashboard-outreach, coursestaff-dashboard-wikiedu
		// A product name, which a translation may keep in English: isolated.
		return bdi( msg( 'coursestaff-dashboard-' + dashboard ) );
	}

	/**
	 * Staff names, each linked to their talk page on this wiki.
	 *
	 * @param {string[]} names
	 * @return {HTMLElement}
	 */
	function staffList( names ) {
		if ( names.length === 0 ) {
			return el( 'p', { className: 'coursestaff-empty' }, nodes( 'coursestaff-no-staff' ) );
		}
		return el( 'ul', { className: 'coursestaff-staff' }, names.map( function ( name ) {
			return el( 'li', {}, [
				el( 'a', {
					href: mw.util.getUrl( 'User talk:' + name ),
					title: msg( 'coursestaff-talk-tooltip', bdi( name ) )
				}, [ bdi( name ) ] )
			] );
		} ) );
	}

	/**
	 * The copy button and what it reports: clipboard first, a read-only field otherwise.
	 *
	 * @param {string[]} names
	 * @return {Array} nodes, null for a note that is not needed
	 */
	function pingControls( names ) {
		var templates = core.pingTemplates( names );
		var text = templates.join( '\n' );
		var status = el( 'p', { className: 'coursestaff-status', role: 'status' } );
		// Hidden until needed; the stylesheet makes [hidden] beat `textarea { display: block }`.
		var field = el( 'textarea', {
			className: 'coursestaff-ping-field',
			readOnly: true,
			hidden: true,
			rows: Math.min( 2 * templates.length, 6 ),
			value: text,
			'aria-label': msg( 'coursestaff-copy-field' )
		} );
		var note = templates.length > 1 ?
			el( 'p', { className: 'coursestaff-split-note' }, nodes(
				'coursestaff-copy-split', number( core.MAX_PINGS_PER_EDIT ), number( templates.length )
			) ) :
			null;

		function say( parts ) {
			status.textContent = '';
			parts.forEach( function ( part ) {
				status.appendChild( part );
			} );
		}

		function showField() {
			say( nodes( 'coursestaff-copy-fallback' ) );
			field.hidden = false;
			field.focus();
			field.select();
		}

		var button = el( 'button', {
			type: 'button',
			className: 'coursestaff-copy',
			title: msg( 'coursestaff-copy-tooltip', bdi( core.template( 'ping', [] ) ) ),
			disabled: names.length === 0,
			onclick: function () {
				// eslint-disable-next-line compat/compat -- feature-detected here
				var clipboard = navigator.clipboard;
				if ( !clipboard || typeof clipboard.writeText !== 'function' ) {
					showField();
					return;
				}
				clipboard.writeText( text ).then( function () {
					say( nodes( 'coursestaff-copied', number( names.length ) ) );
				}, showField );
			}
		}, nodes( 'coursestaff-copy' ) );
		return [ button, note, status, field ];
	}

	/**
	 * The elements Tab stops at inside `root`, in order.
	 *
	 * @param {HTMLElement} root
	 * @return {HTMLElement[]}
	 */
	function focusables( root ) {
		return Array.prototype.slice.call(
			root.querySelectorAll( 'a[href], button:not([disabled]), textarea:not([hidden])' )
		);
	}

	return {
		setLanguages: setLanguages,
		msg: msg,
		nodes: nodes,
		langOf: langOf,
		container: container,
		inLanguage: inLanguage,
		bdi: bdi,
		number: number,
		date: date,
		roleText: roleText,
		roleNodes: roleNodes,
		warn: warn,
		el: el,
		dashboardLabel: dashboardLabel,
		staffList: staffList,
		pingControls: pingControls,
		focusables: focusables
	};
}( courseStaffCore, courseStaffBadgesCore, courseStaffLanguages ) );

/**
 * Course staff gadget: the "Course staff" tab on user pages, user talk pages and contributions
 * pages of users enrolled in an active course of the Programs & Events or the Wiki Education
 * Dashboard, and its panel listing the course staff with links to their talk pages and a
 * one-click ping. Part of the main module, started by main.js.
 */
var courseStaffTab = ( function ( core, ui ) {
	'use strict';

	// Where each skin shows page tabs, first existing wins: the namespace tabs (Vector 2022 and
	// current skins: p-associated-pages; Vector and Timeless on MediaWiki 1.39: p-namespaces),
	// else the view tabs, else MonoBook's p-cactions, which holds all of its tabs.
	var TAB_PORTLETS = [ 'p-associated-pages', 'p-namespaces', 'p-views', 'p-cactions' ];
	var msg = ui.msg;
	var el = ui.el;

	/**
	 * The normalised answer, from session storage or the service; null when the service does not
	 * know the user (404), which counts as "no active course".
	 *
	 * @param {Object} config from readConfig
	 * @param {string} user
	 * @return {Promise<Object|null>}
	 */
	function loadStaff( config, user ) {
		var store = mw.storage && mw.storage.session;
		var key = core.cacheKey( config, user );
		var cached = store ? store.getObject( key ) : null;
		if ( cached && Array.isArray( cached.courses ) ) {
			return Promise.resolve( cached );
		}
		// No custom headers: a CORS-safelisted GET needs no preflight.
		return fetch( core.apiUrl( config, user ), { credentials: 'omit', mode: 'cors' } ).then( function ( res ) {
			if ( res.status === 404 ) {
				return null;
			}
			if ( !res.ok ) {
				throw new Error( 'HTTP ' + res.status + ' from ' + res.url );
			}
			return res.json();
		} ).then( function ( data ) {
			var result = core.normalise( data, config, user );
			if ( store ) {
				store.setObject( key, result, core.cacheSeconds( result ) );
			}
			return result;
		} );
	}

	/**
	 * Two dates, or "not set" for a missing one, each isolated (in the reader's language, which
	 * may be written in another direction than the panel's fallback messages).
	 *
	 * @param {string|null} from
	 * @param {string|null} to
	 * @return {Node[]}
	 */
	function dateRange( from, to ) {
		if ( !from && !to ) {
			return ui.nodes( 'coursestaff-date-unknown' );
		}
		var unknown = msg( 'coursestaff-date-unknown' );
		return ui.nodes(
			'coursestaff-date-range',
			ui.bdi( from ? ui.date( from ) : unknown ),
			ui.bdi( to ? ui.date( to ) : unknown )
		);
	}

	/**
	 * The user's role in a course: the Dashboard's English name of it in the reader's words, or
	 * as the Dashboard has it where the name is not one the gadget knows.
	 *
	 * @param {Object} course
	 * @return {Node[]}
	 */
	function roleOf( course ) {
		var role = core.roleOf( course.role );
		return role === null ? [ ui.bdi( course.role ) ] : ui.roleNodes( course.dashboard, role );
	}

	function detailsList( course ) {
		// Messages used here: coursestaff-school, coursestaff-term, coursestaff-role,
		// coursestaff-event-dates, coursestaff-tracking-dates
		var rows = [
			[ 'coursestaff-school', course.school && [ ui.bdi( course.school ) ] ],
			[ 'coursestaff-term', course.term && [ ui.bdi( course.term ) ] ],
			[ 'coursestaff-role', course.role && roleOf( course ) ],
			[ 'coursestaff-event-dates', dateRange( course.timelineStart, course.timelineEnd ) ],
			[ 'coursestaff-tracking-dates', dateRange( course.start, course.end ) ]
		];
		var dl = el( 'dl', { className: 'coursestaff-details' } );
		rows.forEach( function ( row ) {
			if ( row[ 1 ] ) {
				dl.appendChild( el( 'dt', {}, ui.nodes( row[ 0 ] ) ) );
				dl.appendChild( el( 'dd', {}, row[ 1 ] ) );
			}
		} );
		return dl;
	}

	function courseItem( course ) {
		return el( 'li', { className: 'coursestaff-course' }, [
			el( 'h3', {}, [ el( 'a', { href: course.url }, [ ui.bdi( course.title ) ] ) ] ),
			el( 'p', { className: 'coursestaff-dashboard' }, [ ui.dashboardLabel( course.dashboard ) ] ),
			detailsList( course ),
			el( 'h4', {}, ui.nodes( 'coursestaff-staff' ) ),
			ui.staffList( course.staff )
		] );
	}

	/**
	 * Opens the modal panel; focus goes in, stays in, and returns to `opener` on close.
	 *
	 * @param {string} user
	 * @param {Object} data from loadStaff
	 * @param {HTMLElement} opener the tab's link
	 */
	function openPanel( user, data, opener ) {
		var headingId = 'coursestaff-heading';
		var closeButton = el( 'button', {
			type: 'button',
			className: 'coursestaff-close',
			title: msg( 'coursestaff-close' ),
			'aria-label': msg( 'coursestaff-close' )
		}, [ '×' ] );
		var panel = el( 'div', ui.inLanguage( ui.container(), {
			className: 'coursestaff-panel',
			role: 'dialog',
			'aria-modal': 'true',
			'aria-labelledby': headingId,
			tabIndex: -1
		} ), [
			el( 'div', { className: 'coursestaff-header' }, [
				el( 'h2', { id: headingId }, ui.nodes( 'coursestaff-heading', ui.bdi( user ) ) ),
				closeButton
			] ),
			el( 'p', { className: 'coursestaff-summary' }, ui.nodes(
				'coursestaff-summary', ui.number( data.courses.length ), ui.number( data.allStaff.length )
			) )
		].concat( data.unreachable.map( function ( dashboard ) {
			return el( 'p', { className: 'coursestaff-unreachable' }, ui.nodes(
				'coursestaff-unreachable', ui.dashboardLabel( dashboard )
			) );
		} ), [
			el( 'ul', { className: 'coursestaff-courses' }, data.courses.map( courseItem ) ),
			el( 'div', { className: 'coursestaff-actions' }, ui.pingControls( data.allStaff ) ),
			el( 'ul', { className: 'coursestaff-profiles' }, data.profiles.map( function ( profile ) {
				return el( 'li', {}, [
					el( 'a', { className: 'coursestaff-profile', href: profile.url }, ui.nodes(
						'coursestaff-profile', ui.bdi( user ), ui.dashboardLabel( profile.dashboard )
					) )
				] );
			} ) )
		] ) );
		var backdrop = el( 'div', { className: 'coursestaff-backdrop' }, [ panel ] );

		function close() {
			backdrop.remove();
			opener.focus();
		}

		closeButton.addEventListener( 'click', close );
		backdrop.addEventListener( 'mousedown', function ( e ) {
			if ( e.target === backdrop ) {
				close();
			}
		} );
		panel.addEventListener( 'keydown', function ( e ) {
			if ( e.key === 'Escape' ) {
				e.preventDefault();
				close();
			} else if ( e.key === 'Tab' ) {
				var items = ui.focusables( panel );
				var first = items[ 0 ];
				var last = items[ items.length - 1 ];
				var current = document.activeElement;
				if ( !first || !last ) {
					e.preventDefault();
				} else if ( e.shiftKey && ( current === first || current === panel ) ) {
					e.preventDefault();
					last.focus();
				} else if ( !e.shiftKey && current === last ) {
					e.preventDefault();
					first.focus();
				}
			}
		} );
		document.body.appendChild( backdrop );
		panel.focus();
	}

	/**
	 * Minerva on MediaWiki 1.39 draws its tab bar (User page, Discussion) without an id, and on
	 * special pages draws none and has no other menu for page tools: the tab joins that bar, which
	 * is created under the heading where it is missing.
	 *
	 * @param {string} label
	 * @param {string} tooltip
	 * @return {HTMLElement|null} the link
	 */
	function addMinervaTab( label, tooltip ) {
		var bar = document.querySelector( '.minerva__tab-container' );
		var heading = document.querySelector( '.heading-holder .page-heading' );
		if ( !bar && heading ) {
			bar = el( 'div', { className: 'minerva__tab-container' } );
			heading.parentNode.insertBefore( bar, heading.nextSibling );
		}
		if ( !bar ) {
			return null;
		}
		var link = el( 'a', {
			id: 'ca-coursestaff', className: 'minerva__tab', href: '#', title: tooltip
		}, [ label ] );
		bar.appendChild( link );
		return link;
	}

	/**
	 * The tab's link, placed where the skin shows page tabs.
	 *
	 * @return {HTMLElement|null} null where no place was found
	 */
	function addTabLink() {
		var label = msg( 'coursestaff-tab' );
		var tooltip = msg( 'coursestaff-tab-tooltip' );
		for ( var i = 0; i < TAB_PORTLETS.length; i++ ) {
			var item = mw.util.addPortletLink(
				TAB_PORTLETS[ i ], '#', label, 'ca-coursestaff', tooltip
			);
			if ( item ) {
				return item.querySelector( 'a' );
			}
		}
		return mw.config.get( 'skin' ) === 'minerva' ? addMinervaTab( label, tooltip ) : null;
	}

	function addTab( user, data ) {
		var link = addTabLink();
		if ( !link ) {
			return;
		}
		// The label's language, which may be a fallback of the page's.
		Object.assign( link, ui.langOf( 'coursestaff-tab' ) );
		link.setAttribute( 'aria-haspopup', 'dialog' );
		link.addEventListener( 'click', function ( e ) {
			e.preventDefault();
			openPanel( user, data, link );
		} );
	}

	/**
	 * Adds the tab when the user has an active course.
	 *
	 * @param {Object} config from readConfig
	 * @param {string} user
	 */
	function start( config, user ) {
		loadStaff( config, user ).then( function ( data ) {
			if ( data && data.courses.length > 0 ) {
				addTab( user, data );
			}
		} ).catch( function ( err ) {
			// Never break the page: the tab is simply not added.
			ui.warn( err );
		} );
	}

	return { start: start };
}( courseStaffCore, courseStaffUi ) );

/**
 * Course staff gadget: badges in lists. In Recent changes, watchlists, histories, diffs, logs,
 * new pages and the user list, a small marker right after the link of each person in a current
 * course, and a card with their courses on focus and Enter, hover or click; on contributions
 * pages, one after the page user's link in the subtitle. Asks the service's /api/badges about
 * at most 50 names a request, one request at a time, each name once a page view. Part of the
 * main module, started by main.js.
 */
var courseStaffBadges = ( function ( settings, badgesCore, ui ) {
	'use strict';

	var msg = ui.msg;
	var el = ui.el;
	// User links of registered accounts; MediaWiki adds these classes to those of IP addresses
	// and temporary accounts, which are also checked by name.
	var USER_LINKS = 'a.mw-userlink:not(.mw-anonuserlink):not(.mw-tempuserlink)';
	// Links in the subtitle of Special:Contributions: its user tools (MediaWiki 1.39 and later, all
	// skins; Minerva shows them outside #contentSub), else the subtitle (in case they change).
	var SUBTITLE_LINKS = '.mw-contributions-user-tools a, #contentSub a, #mw-content-subtitle a';
	var BADGE = 'coursestaff-badge';
	var CARD_ID = 'coursestaff-card';
	// A pointer resting on a badge opens its card; leaving badge and card closes it, after these.
	var HOVER_OPEN_MS = 250;
	var HOVER_CLOSE_MS = 300;

	/**
	 * The elements of what `wikipage.content` fires with: a jQuery object (array-like) on a wiki.
	 *
	 * @param {*} $content
	 * @return {HTMLElement[]}
	 */
	function elementsOf( $content ) {
		if ( $content && $content.nodeType === 1 ) {
			return [ $content ];
		}
		return $content && typeof $content.length === 'number' ? Array.prototype.slice.call( $content ) : [];
	}

	/**
	 * A map keyed by names: without a prototype, so that no name reaches what objects inherit.
	 *
	 * @param {Object} [entries]
	 * @return {Object}
	 */
	function names( entries ) {
		return Object.assign( Object.create( null ), entries );
	}

	function now() {
		return Date.now() / 1000;
	}

	function isBadge( node ) {
		return Boolean( node && node.nodeType === 1 && node.classList.contains( BADGE ) );
	}

	/**
	 * A badge: its shape says participant or staff (the stylesheet draws it), its accessible name
	 * the highest role and the course (or how many).
	 *
	 * @param {Object} person `user`, `badges`
	 * @return {HTMLElement}
	 */
	function badgeElement( person ) {
		var about = badgesCore.summary( person.badges );
		var role = ui.roleText( about.dashboard, about.role );
		var key = about.count === 1 ? 'coursestaff-badge-one' : 'coursestaff-badge-many';
		var label = about.count === 1 ?
			msg( key, role, ui.bdi( about.title ) ) :
			msg( key, role, ui.number( about.count ) );
		// The language of its accessible name; no direction of its own: it is a shape in the page's
		// text, and its card opens by the page's direction.
		return el( 'span', {
			lang: ui.langOf( key ).lang,
			className: BADGE + ' ' + BADGE + ( about.staff ? '--staff' : '--participant' ),
			tabIndex: 0,
			role: 'button',
			'aria-label': label,
			'aria-haspopup': 'dialog',
			'aria-expanded': 'false',
			'data-user': person.user,
			'data-role': String( about.role )
		} );
	}

	/**
	 * The card of one person: each current course (title linked to the course's page, its
	 * Dashboard, the person's role, the staff with links to their talk pages) and the ping.
	 *
	 * @param {Object} person `user`, `badges`
	 * @return {HTMLElement}
	 */
	function cardElement( person ) {
		var headingId = CARD_ID + '-heading';
		return el( 'div', ui.inLanguage( ui.container(), {
			id: CARD_ID,
			className: 'coursestaff-card',
			role: 'dialog',
			'aria-labelledby': headingId,
			tabIndex: -1
		} ), [
			el( 'div', { className: 'coursestaff-header' }, [
				el( 'h2', { id: headingId }, ui.nodes( 'coursestaff-card-heading', ui.bdi( person.user ) ) ),
				el( 'button', {
					type: 'button',
					className: 'coursestaff-close',
					title: msg( 'coursestaff-close' ),
					'aria-label': msg( 'coursestaff-close' )
				}, [ '×' ] )
			] ),
			el( 'ul', { className: 'coursestaff-courses' }, person.badges.map( function ( badge ) {
				return el( 'li', { className: 'coursestaff-course' }, [
					el( 'h3', {}, [ el( 'a', { href: badge.url }, [ ui.bdi( badge.title ) ] ) ] ),
					el( 'p', { className: 'coursestaff-dashboard' }, [ ui.dashboardLabel( badge.dashboard ) ] ),
					el( 'dl', { className: 'coursestaff-details' }, [
						el( 'dt', {}, ui.nodes( 'coursestaff-role' ) ),
						el( 'dd', { className: 'coursestaff-card-role' }, ui.roleNodes( badge.dashboard, badge.role ) )
					] ),
					el( 'h4', {}, ui.nodes( 'coursestaff-staff' ) ),
					ui.staffList( badge.staff )
				] );
			} ) ),
			el( 'div', { className: 'coursestaff-actions' }, ui.pingControls( badgesCore.allStaff( person.badges ) ) )
		] );
	}

	/**
	 * Below the badge, inside the viewport's width; in right-to-left text (the badge's, which is
	 * the page's, whatever the card's own language) its right edge under the badge's. The card
	 * follows the badge in the document (so that Tab goes from the badge through the card to the
	 * rest of the list), positioned against whatever box it sits in.
	 *
	 * @param {HTMLElement} card right after the badge
	 * @param {HTMLElement} badge
	 */
	function place( card, badge ) {
		var rect = badge.getBoundingClientRect();
		var width = card.offsetWidth;
		var room = document.documentElement.clientWidth;
		var rtl = window.getComputedStyle( badge ).direction === 'rtl';
		var left = Math.max( 0, Math.min( rtl ? rect.right - width : rect.left, room - width ) );
		var parent = card.offsetParent;
		var origin = { left: -window.pageXOffset, top: -window.pageYOffset };
		if ( parent && !( parent === document.body && window.getComputedStyle( parent ).position === 'static' ) ) {
			var box = parent.getBoundingClientRect();
			origin = {
				left: box.left + parent.clientLeft - parent.scrollLeft,
				top: box.top + parent.clientTop - parent.scrollTop
			};
		}
		card.style.left = ( left - origin.left ) + 'px';
		card.style.top = ( rect.bottom + 4 - origin.top ) + 'px';
	}

	/**
	 * One card at a time, opened from a badge by focus and Enter (or Space), click or hover;
	 * closed by Escape, the close button, a click or focus outside, or (opened by hover) the
	 * pointer leaving badge and card.
	 *
	 * @param {Function} personOf the person of a badge
	 */
	function cards( personOf ) {
		var open = null; // { badge, card, pinned }
		var openTimer = null;
		var closeTimer = null;

		function cancelTimers() {
			clearTimeout( openTimer );
			clearTimeout( closeTimer );
		}

		function close( returnFocus ) {
			cancelTimers();
			if ( !open ) {
				return;
			}
			var badge = open.badge;
			var card = open.card;
			// First: removing the card moves focus out of it, which calls close() again.
			open = null;
			card.remove();
			badge.setAttribute( 'aria-expanded', 'false' );
			badge.removeAttribute( 'aria-controls' );
			if ( returnFocus ) {
				badge.focus();
			}
		}

		function show( badge, pinned ) {
			cancelTimers();
			if ( open && open.badge === badge ) {
				open.pinned = open.pinned || pinned;
			} else {
				close( false );
				var person = personOf( badge );
				if ( !person ) {
					return;
				}
				var card = cardElement( person );
				badge.parentNode.insertBefore( card, badge.nextSibling );
				place( card, badge );
				badge.setAttribute( 'aria-expanded', 'true' );
				badge.setAttribute( 'aria-controls', CARD_ID );
				open = { badge: badge, card: card, pinned: pinned };
			}
			if ( pinned ) {
				open.card.focus();
			}
		}

		function inside( node ) {
			return Boolean( open && node && ( open.card.contains( node ) || open.badge === node ) );
		}

		function badgeOf( node ) {
			return node && node.closest ? node.closest( '.' + BADGE ) : null;
		}

		document.addEventListener( 'click', function ( e ) {
			var badge = badgeOf( e.target );
			if ( badge ) {
				e.preventDefault();
				if ( open && open.badge === badge && open.pinned ) {
					close( true );
				} else {
					show( badge, true );
				}
			} else if ( open && e.target.closest( '.coursestaff-close' ) && open.card.contains( e.target ) ) {
				close( true );
			}
		} );
		document.addEventListener( 'mousedown', function ( e ) {
			if ( open && !inside( e.target ) ) {
				close( false );
			}
		} );
		document.addEventListener( 'keydown', function ( e ) {
			var badge = badgeOf( e.target );
			if ( badge && ( e.key === 'Enter' || e.key === ' ' ) ) {
				e.preventDefault();
				show( badge, true );
			} else if ( e.key === 'Escape' && open ) {
				e.preventDefault();
				close( inside( document.activeElement ) );
			}
		} );
		document.addEventListener( 'focusout', function ( e ) {
			// Tab past the card's last link, or focus anywhere else: a popup closes.
			if ( open && open.card.contains( e.target ) && !inside( e.relatedTarget ) ) {
				close( false );
			}
		} );
		document.addEventListener( 'mouseover', function ( e ) {
			var badge = badgeOf( e.target );
			if ( inside( e.target ) ) {
				clearTimeout( closeTimer );
			} else if ( badge ) {
				clearTimeout( openTimer );
				openTimer = setTimeout( function () {
					show( badge, false );
				}, HOVER_OPEN_MS );
			}
		} );
		document.addEventListener( 'mouseout', function ( e ) {
			if ( badgeOf( e.target ) ) {
				clearTimeout( openTimer );
			}
			if ( open && !open.pinned && inside( e.target ) && !inside( e.relatedTarget ) ) {
				closeTimer = setTimeout( function () {
					close( false );
				}, HOVER_CLOSE_MS );
			}
		} );
	}

	/**
	 * Marks the user links of the lists this page shows and of every list that replaces them.
	 *
	 * @param {Object} config from readConfig
	 * @param {Object} work from pageWork: `list`, and the page's `user` (on contributions pages)
	 */
	function start( config, work ) {
		var store = mw.storage && mw.storage.session;
		var key = badgesCore.cacheKey( config );
		// What the session remembers, read once; written back once the queue is empty.
		var stored = store ? store.getObject( key ) : null;
		var unsaved = false;
		// Asked and answered people by the name as linked, and by canonical name (data-user).
		var people = names( badgesCore.remembered( stored, now() ) );
		var byUser = names();
		// Names queued or asked on this page view, and the links waiting for each.
		var state = names();
		var waiting = names();
		var queue = [];
		var busy = false;
		var stopped = false;
		var seen = new WeakSet();
		var listening = false;

		function mark( link, person ) {
			var next = link.nextSibling;
			if ( person.badges.length === 0 || isBadge( next ) ) {
				return;
			}
			if ( !listening ) {
				listening = true;
				cards( function ( badge ) {
					return byUser[ badge.getAttribute( 'data-user' ) ];
				} );
			}
			byUser[ person.user ] = person;
			link.parentNode.insertBefore( badgeElement( person ), next );
		}

		function consider( link, name ) {
			if ( seen.has( link ) ) {
				return;
			}
			seen.add( link );
			if ( settings.isIgnoredUser( name, mw.util ) ) {
				return;
			}
			if ( people[ name ] ) {
				mark( link, people[ name ] );
				return;
			}
			( waiting[ name ] = waiting[ name ] || [] ).push( link );
			if ( !state[ name ] ) {
				state[ name ] = 'queued';
				queue.push( name );
			}
		}

		/**
		 * A queued name is still wanted while one of its links is in the document; one whose
		 * links all went with a replaced list is forgotten (a later list may queue it again).
		 *
		 * @param {string} name
		 * @return {boolean}
		 */
		function wanted( name ) {
			if ( waiting[ name ].some( function ( link ) {
				return link.isConnected;
			} ) ) {
				return true;
			}
			delete state[ name ];
			delete waiting[ name ];
			return false;
		}

		function answered( batch, answer ) {
			batch.forEach( function ( name ) {
				var person = answer.people[ name ];
				people[ name ] = person;
				( waiting[ name ] || [] ).forEach( function ( link ) {
					// Links of a list replaced meanwhile are gone: their answer marks nothing.
					if ( link.isConnected ) {
						mark( link, person );
					}
				} );
				delete waiting[ name ];
			} );
			stored = badgesCore.remember( stored, answer, now() );
			unsaved = true;
		}

		function save() {
			if ( unsaved && store ) {
				store.setObject( key, stored, badgesCore.CACHE_SECONDS );
			}
			unsaved = false;
		}

		function pump() {
			if ( busy || stopped ) {
				return;
			}
			var batch = badgesCore.nextBatch( queue, wanted );
			if ( batch.length === 0 ) {
				// Each write costs the page a copy of the whole entry: one when all is answered.
				save();
				return;
			}
			busy = true;
			batch.forEach( function ( name ) {
				state[ name ] = 'asked';
			} );
			// A form POST with the safelisted type: no CORS preflight, no cookies.
			fetch( badgesCore.requestUrl( config ), {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: badgesCore.requestBody( config, batch ),
				credentials: 'omit',
				mode: 'cors'
			} ).then( function ( res ) {
				if ( !res.ok ) {
					throw new Error( 'HTTP ' + res.status + ' from ' + res.url );
				}
				return res.json();
			} ).then( function ( data ) {
				answered( batch, badgesCore.readAnswer( data, batch, config ) );
				busy = false;
				pump();
			} ).catch( function ( err ) {
				// Never break the page, nor keep asking a failing service: no more badges here.
				stopped = true;
				ui.warn( 'badges:', err );
			} );
		}

		function scan( roots ) {
			roots.forEach( function ( root ) {
				var links = root.querySelectorAll( USER_LINKS );
				for ( var i = 0; i < links.length; i++ ) {
					consider( links[ i ], links[ i ].textContent.trim() );
				}
			} );
			pump();
		}

		/**
		 * Contributions rows carry no user links: the page user's link in the subtitle gets the
		 * badge.
		 */
		function scanSubtitle() {
			var links = document.querySelectorAll( SUBTITLE_LINKS );
			for ( var i = 0; i < links.length; i++ ) {
				if ( links[ i ].textContent.trim() === work.user ) {
					consider( links[ i ], work.user );
					break;
				}
			}
		}

		if ( work.list === 'contributions' && work.user ) {
			scanSubtitle();
		}
		// Fired for the page's content, then for each list that live updates or changed filters
		// put in place of the last one (and remembered: a late handler gets the last firing).
		mw.hook( 'wikipage.content' ).add( function ( $content ) {
			scan( elementsOf( $content ) );
		} );
		pump();
	}

	return { start: start };
}( courseStaffSettings, courseStaffBadgesCore, courseStaffUi ) );

/**
 * Course staff gadget: the main module, loaded by the loader (loader.js) only on pages where there
 * is something to do; built from this file, the English messages of gadget/i18n and the parts it
 * starts (scripts/build-gadget.ts). It defines `mw.libs.courseStaff.start`, which the loader calls.
 */
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

}() );
// </nowiki>
