// <nowiki>
/**
 * Course staff gadget 1.0.0: adds a "Course staff" tab to user pages.
 * Built from the outreach-dashboard-helper repository (gadget/src, gadget/i18n) by `npm run build:gadget`.
 * Do not edit this page: change the source there; the next deploy overwrites this page.
 * Installation, configuration and privacy: GADGET.md in that repository.
 */
( function () {
var courseStaffMessages = {
	"de": {
		"coursestaff-tab": "Kursteam",
		"coursestaff-tab-tooltip": "Team der aktiven Dashboard-Kurse dieses Benutzers",
		"coursestaff-heading": "Kursteam von $1",
		"coursestaff-summary": "\u007B\u007BPLURAL:$1|$1 aktiver Kurs|$1 aktive Kurse\u007D\u007D, \u007B\u007BPLURAL:$2|$2 Teammitglied|$2 Teammitglieder\u007D\u007D",
		"coursestaff-unreachable": "Das $1 war nicht erreichbar, daher fehlen dort geführte Kurse womöglich. Bitte in einer Minute erneut versuchen.",
		"coursestaff-close": "Schließen",
		"coursestaff-dashboard-outreach": "Programs & Events Dashboard",
		"coursestaff-dashboard-wikiedu": "Wiki Education Dashboard",
		"coursestaff-school": "Einrichtung",
		"coursestaff-term": "Zeitraum",
		"coursestaff-role": "Rolle in diesem Kurs",
		"coursestaff-event-dates": "Veranstaltung",
		"coursestaff-tracking-dates": "Erfassung",
		"coursestaff-date-range": "$1 – $2",
		"coursestaff-date-unknown": "nicht festgelegt",
		"coursestaff-staff": "Team",
		"coursestaff-no-staff": "Kein Team eingetragen.",
		"coursestaff-talk-tooltip": "Diskussionsseite von $1",
		"coursestaff-profile": "Profil von $1 im $2",
		"coursestaff-copy": "Ping kopieren",
		"coursestaff-copy-tooltip": "Eine $1-Vorlage mit allen Teammitgliedern kopieren",
		"coursestaff-copied": "\u007B\u007BPLURAL:$1|Ping für $1 Benutzer kopiert.|Ping für $1 Benutzer kopiert.\u007D\u007D",
		"coursestaff-copy-split": "Mehr als $1 Namen: Der Ping ist auf $2 Vorlagen aufgeteilt. Jede in einer eigenen signierten Bearbeitung speichern, denn eine Bearbeitung, die mehr als $1 Benutzer erwähnt, benachrichtigt niemanden.",
		"coursestaff-copy-fallback": "Kopieren ist hier nicht möglich: Text unten markieren und kopieren.",
		"coursestaff-copy-field": "Ping-Text"
	},
	"en": {
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
		"coursestaff-copy-field": "Ping text"
	}
};

/**
 * Course staff gadget: the pure part (no DOM, no `mw`; everything it needs comes in as arguments).
 * scripts/build-gadget.ts concatenates this file and gadget.js into the one deployable script;
 * Node tests load it alone (test/gadget/support/core.ts). ES5 syntax: MediaWiki 1.39 validates
 * gadget code as ES5, current MediaWiki as ES2017.
 */
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

/**
 * Course staff gadget: adds a "Course staff" tab to user pages, user talk pages and contributions
 * pages of users enrolled in an active course of the Programs & Events or the Wiki Education
 * Dashboard, listing the course staff with links to their talk pages and a one-click ping. Data
 * comes from the outreach-dashboard-helper service (JSON over CORS, no credentials), the only way
 * Wiki Education's data can reach a wiki page. Installation and configuration: GADGET.md.
 *
 * Built together with core.js (`courseStaffCore`) and the messages of gadget/i18n
 * (`courseStaffMessages`); see scripts/build-gadget.ts.
 */
( function ( core, allMessages ) {
	'use strict';

	// Loaded both as a gadget and from common.js, the script could run twice on one page.
	if ( window.courseStaffGadgetLoaded ) {
		return;
	}
	window.courseStaffGadgetLoaded = true;

	var DEPENDENCIES = [ 'mediawiki.util', 'mediawiki.storage', 'mediawiki.jqueryMsg' ];
	// Where each skin shows page tabs, first existing wins: the namespace tabs (Vector 2022 and
	// current skins: p-associated-pages; Vector and Timeless on MediaWiki 1.39: p-namespaces),
	// else the view tabs, else MonoBook's p-cactions, which holds all of its tabs.
	var TAB_PORTLETS = [ 'p-associated-pages', 'p-namespaces', 'p-views', 'p-cactions' ];
	// Scripts whose settings (`window.courseStaffConfig`, `mw.config`) must be read after they ran:
	// MediaWiki:Common.js and the reader's common.js.
	var CONFIG_MODULES = [ 'site', 'user' ];

	/**
	 * A message as text. Wikitext that must reach the reader literally (a template call) is
	 * always a parameter: mediawiki.jqueryMsg would parse it inside the message itself.
	 *
	 * @param {string} key
	 * @param {...*} params
	 * @return {string}
	 */
	function msg() {
		return mw.message.apply( mw, arguments ).text();
	}

	function getConfig( key ) {
		return mw.config.get( key );
	}

	function warn() {
		// eslint-disable-next-line no-console
		console.warn.apply( console, [ '[course-staff]' ].concat( Array.prototype.slice.call( arguments ) ) );
	}

	/**
	 * document.createElement with properties and children; strings always become text nodes.
	 *
	 * @param {string} tag
	 * @param {Object} [props] properties, or attributes for `aria-*` and `role`
	 * @param {Array} [children] nodes and strings; null and undefined are skipped
	 * @return {HTMLElement}
	 */
	function el( tag, props, children ) {
		var node = document.createElement( tag );
		Object.keys( props || {} ).forEach( function ( name ) {
			if ( name.indexOf( 'aria-' ) === 0 || name === 'role' ) {
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

	function dateRange( from, to ) {
		var language = getConfig( 'wgUserLanguage' );
		var unknown = msg( 'coursestaff-date-unknown' );
		if ( !from && !to ) {
			return unknown;
		}
		return msg(
			'coursestaff-date-range',
			from ? core.formatDate( from, language ) : unknown,
			to ? core.formatDate( to, language ) : unknown
		);
	}

	function detailsList( course ) {
		// Messages used here: coursestaff-school, coursestaff-term, coursestaff-role,
		// coursestaff-event-dates, coursestaff-tracking-dates
		var rows = [
			[ 'coursestaff-school', course.school ],
			[ 'coursestaff-term', course.term ],
			[ 'coursestaff-role', course.role ],
			[ 'coursestaff-event-dates', dateRange( course.timelineStart, course.timelineEnd ) ],
			[ 'coursestaff-tracking-dates', dateRange( course.start, course.end ) ]
		];
		var dl = el( 'dl', { className: 'coursestaff-details' } );
		rows.forEach( function ( row ) {
			if ( row[ 1 ] ) {
				dl.appendChild( el( 'dt', {}, [ msg( row[ 0 ] ) ] ) );
				dl.appendChild( el( 'dd', {}, [ row[ 1 ] ] ) );
			}
		} );
		return dl;
	}

	function staffList( names ) {
		if ( names.length === 0 ) {
			return el( 'p', { className: 'coursestaff-empty' }, [ msg( 'coursestaff-no-staff' ) ] );
		}
		return el( 'ul', { className: 'coursestaff-staff' }, names.map( function ( name ) {
			return el( 'li', {}, [
				el( 'a', {
					href: mw.util.getUrl( 'User talk:' + name ),
					title: msg( 'coursestaff-talk-tooltip', name )
				}, [ name ] )
			] );
		} ) );
	}

	/**
	 * The name of a Dashboard.
	 *
	 * @param {string} dashboard its id
	 * @return {string}
	 */
	function dashboardLabel( dashboard ) {
		// Messages used here: coursestaff-dashboard-outreach, coursestaff-dashboard-wikiedu
		return msg( 'coursestaff-dashboard-' + dashboard );
	}

	function courseItem( course ) {
		return el( 'li', { className: 'coursestaff-course' }, [
			el( 'h3', {}, [ el( 'a', { href: course.url }, [ course.title ] ) ] ),
			el( 'p', { className: 'coursestaff-dashboard' }, [ dashboardLabel( course.dashboard ) ] ),
			detailsList( course ),
			el( 'h4', {}, [ msg( 'coursestaff-staff' ) ] ),
			staffList( course.staff )
		] );
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
			el( 'p', { className: 'coursestaff-split-note' }, [
				msg( 'coursestaff-copy-split', core.MAX_PINGS_PER_EDIT, templates.length )
			] ) :
			null;

		function showField() {
			status.textContent = msg( 'coursestaff-copy-fallback' );
			field.hidden = false;
			field.focus();
			field.select();
		}

		var button = el( 'button', {
			type: 'button',
			className: 'coursestaff-copy',
			title: msg( 'coursestaff-copy-tooltip', core.template( 'ping', [] ) ),
			disabled: names.length === 0,
			onclick: function () {
				// eslint-disable-next-line compat/compat -- feature-detected here
				var clipboard = navigator.clipboard;
				if ( !clipboard || typeof clipboard.writeText !== 'function' ) {
					showField();
					return;
				}
				clipboard.writeText( text ).then( function () {
					status.textContent = msg( 'coursestaff-copied', names.length );
				}, showField );
			}
		}, [ msg( 'coursestaff-copy' ) ] );
		return [ button, note, status, field ];
	}

	function focusables( root ) {
		return Array.prototype.slice.call(
			root.querySelectorAll( 'a[href], button:not([disabled]), textarea:not([hidden])' )
		);
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
		var panel = el( 'div', {
			className: 'coursestaff-panel',
			role: 'dialog',
			'aria-modal': 'true',
			'aria-labelledby': headingId,
			tabIndex: -1
		}, [
			el( 'div', { className: 'coursestaff-header' }, [
				el( 'h2', { id: headingId }, [ msg( 'coursestaff-heading', user ) ] ),
				closeButton
			] ),
			el( 'p', { className: 'coursestaff-summary' }, [
				msg( 'coursestaff-summary', data.courses.length, data.allStaff.length )
			] )
		].concat( data.unreachable.map( function ( dashboard ) {
			return el( 'p', { className: 'coursestaff-unreachable' }, [
				msg( 'coursestaff-unreachable', dashboardLabel( dashboard ) )
			] );
		} ), [
			el( 'ul', { className: 'coursestaff-courses' }, data.courses.map( courseItem ) ),
			el( 'div', { className: 'coursestaff-actions' }, pingControls( data.allStaff ) ),
			el( 'ul', { className: 'coursestaff-profiles' }, data.profiles.map( function ( profile ) {
				return el( 'li', {}, [
					el( 'a', { className: 'coursestaff-profile', href: profile.url }, [
						msg( 'coursestaff-profile', user, dashboardLabel( profile.dashboard ) )
					] )
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
				var items = focusables( panel );
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
		return getConfig( 'skin' ) === 'minerva' ? addMinervaTab( label, tooltip ) : null;
	}

	function addTab( user, data ) {
		var link = addTabLink();
		if ( !link ) {
			return;
		}
		link.setAttribute( 'aria-haspopup', 'dialog' );
		link.addEventListener( 'click', function ( e ) {
			e.preventDefault();
			openPanel( user, data, link );
		} );
	}

	function main() {
		var user = core.pageUser( getConfig, mw.util );
		if ( !user ) {
			return;
		}
		var config = core.readConfig( window.courseStaffConfig, getConfig, warn );
		mw.messages.set( core.messagesFor( allMessages, getConfig( 'wgUserLanguage' ) ) );
		loadStaff( config, user ).then( function ( data ) {
			if ( data && data.courses.length > 0 ) {
				addTab( user, data );
			}
		} ).catch( function ( err ) {
			// Never break the page: the tab is simply not added.
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
			var state = typeof mw.loader.getState === 'function' ? mw.loader.getState( name ) : null;
			return state && state !== 'registered';
		} );
		return loading.length ? mw.loader.using( loading ).then( null, function () {} ) : null;
	}

	mw.loader.using( DEPENDENCIES ).then( afterConfigScripts ).then( function () {
		if ( document.readyState === 'loading' ) {
			document.addEventListener( 'DOMContentLoaded', main );
		} else {
			main();
		}
	}, function ( err ) {
		warn( 'could not load dependencies', err );
	} );
}( courseStaffCore, courseStaffMessages ) );

}() );
// </nowiki>
