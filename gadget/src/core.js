/**
 * Course staff gadget: the pure part of the tab and the panel (no DOM, no `mw`; everything it
 * needs comes in as arguments), beside settings.js. scripts/build-gadget.ts puts it into the main
 * module; Node tests load it with settings.js (test/gadget/support/core.ts). ES5 syntax, like
 * every gadget file.
 */
/* global courseStaffSettings */
/* exported courseStaffCore */
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
