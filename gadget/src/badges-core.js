/**
 * Course staff gadget: the pure part of the badges in lists (no DOM, no `mw`): the requests to
 * the service's /api/badges, its answers, what the session remembers, and what a badge says.
 * Part of the main module (scripts/build-gadget.ts); Node tests load it with settings.js and
 * core.js (test/gadget/support/core.ts).
 */
/* global courseStaffSettings, courseStaffCore */
/* exported courseStaffBadgesCore */
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
