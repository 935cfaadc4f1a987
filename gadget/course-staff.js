/**
 * Course staff: adds a "Course staff" tab to user pages, user talk pages and contributions pages of
 * users enrolled in an active Programs & Events Dashboard course, listing the course staff with
 * links to their talk pages and a one-click {{ping}}.
 *
 * Plain ES2017 without a build step: MediaWiki validates gadget code as ES2017, so no object spread,
 * no ?. or ??, no class fields. Installation and configuration: GADGET.md in the repository.
 * Data comes from the outreach-dashboard-helper service (JSON over CORS, no credentials).
 */
( function () {
	'use strict';

	// Loaded both as a gadget and from common.js, the script could run twice on one page.
	if ( window.courseStaffGadgetLoaded ) {
		return;
	}
	window.courseStaffGadgetLoaded = true;

	var DEFAULTS = {
		apiBase: 'https://outreach.toolforge.org',
		dashboardBase: 'https://outreachdashboard.wmflabs.org',
		useEventDates: false
	};
	var CACHE_PREFIX = 'mw-coursestaff-v1:';
	var CACHE_SECONDS = 300;
	// Echo sends no mention notification at all for an edit that mentions more than 50 users.
	var MAX_PINGS_PER_EDIT = 50;
	// First portlet that exists wins; addPortletLink returns null for a missing one.
	var PORTLETS = [ 'p-associated-pages', 'p-views', 'p-cactions', 'p-namespaces', 'p-tb' ];
	var CONTRIBUTION_PAGES = [ 'Contributions', 'DeletedContributions' ];
	var DEPENDENCIES = [ 'mediawiki.util', 'mediawiki.storage', 'mediawiki.jqueryMsg' ];

	var MESSAGES = {
		en: {
			'coursestaff-tab': 'Course staff',
			'coursestaff-tab-tooltip': 'Staff of this user\'s active Programs & Events Dashboard courses',
			'coursestaff-heading': 'Course staff of $1',
			'coursestaff-summary': '{{PLURAL:$1|$1 active course|$1 active courses}}, {{PLURAL:$2|$2 staff member|$2 staff members}}',
			'coursestaff-close': 'Close',
			'coursestaff-school': 'Institution',
			'coursestaff-term': 'Term',
			'coursestaff-role': 'Role in this course',
			'coursestaff-event-dates': 'Event dates',
			'coursestaff-tracking-dates': 'Tracking dates',
			'coursestaff-date-range': '$1 – $2',
			'coursestaff-date-unknown': 'not set',
			'coursestaff-staff': 'Staff',
			'coursestaff-no-staff': 'No staff listed.',
			'coursestaff-talk-tooltip': 'Talk page of $1',
			'coursestaff-profile': 'Dashboard profile of $1',
			'coursestaff-copy': 'Copy ping',
			'coursestaff-copy-tooltip': 'Copy a {{ping}} template naming every staff member',
			'coursestaff-copied': '{{PLURAL:$1|Copied a ping for $1 user.|Copied a ping for $1 users.}}',
			'coursestaff-copy-split': 'More than $1 names: the ping is split into $2 templates. Post each one in a separate signed edit, because an edit that mentions more than $1 users notifies nobody.',
			'coursestaff-copy-fallback': 'Copying is not available here: select the text below and copy it.',
			'coursestaff-copy-field': 'Ping text'
		},
		de: {
			'coursestaff-tab': 'Kursteam',
			'coursestaff-tab-tooltip': 'Team der aktiven Kurse dieses Benutzers im Programs & Events Dashboard',
			'coursestaff-heading': 'Kursteam von $1',
			'coursestaff-summary': '{{PLURAL:$1|$1 aktiver Kurs|$1 aktive Kurse}}, {{PLURAL:$2|$2 Teammitglied|$2 Teammitglieder}}',
			'coursestaff-close': 'Schließen',
			'coursestaff-school': 'Einrichtung',
			'coursestaff-term': 'Zeitraum',
			'coursestaff-role': 'Rolle in diesem Kurs',
			'coursestaff-event-dates': 'Veranstaltung',
			'coursestaff-tracking-dates': 'Erfassung',
			'coursestaff-date-range': '$1 – $2',
			'coursestaff-date-unknown': 'nicht festgelegt',
			'coursestaff-staff': 'Team',
			'coursestaff-no-staff': 'Kein Team eingetragen.',
			'coursestaff-talk-tooltip': 'Diskussionsseite von $1',
			'coursestaff-profile': 'Dashboard-Profil von $1',
			'coursestaff-copy': 'Ping kopieren',
			'coursestaff-copy-tooltip': 'Eine {{ping}}-Vorlage mit allen Teammitgliedern kopieren',
			'coursestaff-copied': '{{PLURAL:$1|Ping für $1 Benutzer kopiert.|Ping für $1 Benutzer kopiert.}}',
			'coursestaff-copy-split': 'Mehr als $1 Namen: Der Ping ist auf $2 Vorlagen aufgeteilt. Jede in einer eigenen signierten Bearbeitung speichern, denn eine Bearbeitung, die mehr als $1 Benutzer erwähnt, benachrichtigt niemanden.',
			'coursestaff-copy-fallback': 'Kopieren ist hier nicht möglich: Text unten markieren und kopieren.',
			'coursestaff-copy-field': 'Ping-Text'
		}
	};

	// ---- Pure helpers (no DOM, no mw) ----

	function stripTrailingSlashes( url ) {
		return String( url ).replace( /\/+$/, '' );
	}

	function firstDefined() {
		for ( var i = 0; i < arguments.length; i++ ) {
			if ( arguments[ i ] !== undefined && arguments[ i ] !== null && arguments[ i ] !== '' ) {
				return arguments[ i ];
			}
		}
		return undefined;
	}

	/** `window.courseStaffConfig` wins over mw.config keys, which win over the defaults. */
	function readConfig( globalConfig, mwConfig ) {
		var g = globalConfig && typeof globalConfig === 'object' ? globalConfig : {};
		var useEvent = firstDefined( g.useEventDates, mwConfig.get( 'wgCourseStaffUseEventDates' ) );
		return {
			apiBase: stripTrailingSlashes( firstDefined( g.apiBase, mwConfig.get( 'wgCourseStaffApiBase' ), DEFAULTS.apiBase ) ),
			dashboardBase: stripTrailingSlashes( firstDefined( g.dashboardBase, mwConfig.get( 'wgCourseStaffDashboardBase' ), DEFAULTS.dashboardBase ) ),
			useEventDates: useEvent === undefined ? DEFAULTS.useEventDates : useEvent === true || useEvent === 'true'
		};
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

	function asText( value ) {
		return value === undefined || value === null ? '' : String( value );
	}

	function asNames( value ) {
		return Array.isArray( value ) ? value.map( asText ).filter( Boolean ) : [];
	}

	/** Keeps only the fields the panel shows, as strings, whatever the service sent. */
	function normalise( data ) {
		var courses = data && Array.isArray( data.courses ) ? data.courses : [];
		return {
			courses: courses.filter( function ( c ) {
				return c && typeof c === 'object' && c.course_slug;
			} ).map( function ( c ) {
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
			} ),
			allStaff: asNames( data && data.all_staff )
		};
	}

	/**
	 * {{ping}} templates for the names, at most MAX_PINGS_PER_EDIT per template. Underscores become
	 * spaces. A name containing "=" would be read as a named parameter, so a template holding one
	 * numbers all its parameters (numbering only some would collide with the positional ones).
	 */
	function pingTemplates( names ) {
		var templates = [];
		var clean = names.map( function ( n ) {
			return n.replace( /_/g, ' ' );
		} );
		for ( var i = 0; i < clean.length; i += MAX_PINGS_PER_EDIT ) {
			var chunk = clean.slice( i, i + MAX_PINGS_PER_EDIT );
			var numbered = chunk.some( function ( n ) {
				return n.indexOf( '=' ) !== -1;
			} );
			templates.push( '{{ping|' + chunk.map( function ( n, j ) {
				return numbered ? ( j + 1 ) + '=' + n : n;
			} ).join( '|' ) + '}}' );
		}
		return templates;
	}

	function isIgnoredUser( name, util ) {
		if ( typeof name !== 'string' || name === '' ) {
			return true;
		}
		if ( util.isIPAddress( name, true ) ) {
			return true;
		}
		// Temporary accounts: "~2026-12345-6" on Wikimedia; newer cores have a helper for it.
		if ( name.charAt( 0 ) === '~' ) {
			return true;
		}
		return typeof util.isTemporaryUser === 'function' && Boolean( util.isTemporaryUser( name ) );
	}

	function isSupportedPage( config ) {
		var ns = config.get( 'wgNamespaceNumber' );
		if ( ns === 2 || ns === 3 ) {
			return true;
		}
		return ns === -1 && CONTRIBUTION_PAGES.indexOf( config.get( 'wgCanonicalSpecialPageName' ) ) !== -1;
	}

	// ---- MediaWiki-bound code ----

	function msg() {
		return mw.message.apply( mw, arguments ).text();
	}

	function setMessages() {
		var lang = String( mw.config.get( 'wgUserLanguage' ) || 'en' ).split( '-' )[ 0 ];
		mw.messages.set( Object.assign( {}, MESSAGES.en, MESSAGES[ lang ] || {} ) );
	}

	function formatDate( iso ) {
		var date = new Date( iso );
		if ( isNaN( date.getTime() ) ) {
			return asText( iso );
		}
		var options = { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' };
		try {
			return date.toLocaleDateString( mw.config.get( 'wgUserLanguage' ) || 'en', options );
		} catch ( e ) {
			// Some MediaWiki language codes are not valid BCP 47 tags.
			return date.toLocaleDateString( 'en', options );
		}
	}

	function cacheKey( config, user ) {
		return CACHE_PREFIX + ( config.useEventDates ? 'event:' : 'tracking:' ) + config.apiBase + ':' + user;
	}

	/** Resolves to the normalised answer; 404 (unknown user) counts as "no active course". */
	function loadStaff( config, user ) {
		var store = mw.storage && mw.storage.session;
		var key = cacheKey( config, user );
		var cached = store ? store.getObject( key ) : null;
		if ( cached && Array.isArray( cached.courses ) ) {
			return Promise.resolve( cached );
		}
		// No custom headers: a CORS-safelisted GET needs no preflight.
		return fetch( apiUrl( config, user ), { credentials: 'omit', mode: 'cors' } ).then( function ( res ) {
			if ( res.status === 404 ) {
				return null;
			}
			if ( !res.ok ) {
				throw new Error( 'HTTP ' + res.status + ' from ' + res.url );
			}
			return res.json();
		} ).then( function ( data ) {
			var result = normalise( data );
			if ( store ) {
				store.setObject( key, result, CACHE_SECONDS );
			}
			return result;
		} );
	}

	/** document.createElement with properties and children; strings always become text nodes. */
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

	function dateRange( from, to ) {
		if ( !from && !to ) {
			return msg( 'coursestaff-date-unknown' );
		}
		var unknown = msg( 'coursestaff-date-unknown' );
		return msg( 'coursestaff-date-range', from ? formatDate( from ) : unknown, to ? formatDate( to ) : unknown );
	}

	function detailsList( course ) {
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
			var talk = 'User talk:' + name;
			return el( 'li', {}, [
				el( 'a', { href: mw.util.getUrl( talk ), title: msg( 'coursestaff-talk-tooltip', name ) }, [ name ] )
			] );
		} ) );
	}

	function courseItem( config, course ) {
		return el( 'li', { className: 'coursestaff-course' }, [
			el( 'h3', {}, [
				el( 'a', { href: courseUrl( config, course.slug ) }, [ course.title ] )
			] ),
			detailsList( course ),
			el( 'h4', {}, [ msg( 'coursestaff-staff' ) ] ),
			staffList( course.staff )
		] );
	}

	/** The copy button and what it reports: clipboard first, a read-only field otherwise. */
	function pingControls( names ) {
		var templates = pingTemplates( names );
		var text = templates.join( '\n' );
		var status = el( 'p', { className: 'coursestaff-status', role: 'status' } );
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
				msg( 'coursestaff-copy-split', MAX_PINGS_PER_EDIT, templates.length )
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
			title: msg( 'coursestaff-copy-tooltip' ),
			disabled: names.length === 0,
			onclick: function () {
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

	/** Opens the modal panel; focus goes in, stays in, and returns to `opener` on close. */
	function openPanel( config, user, data, opener ) {
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
			] ),
			el( 'ul', { className: 'coursestaff-courses' }, data.courses.map( function ( course ) {
				return courseItem( config, course );
			} ) ),
			el( 'div', { className: 'coursestaff-actions' }, pingControls( data.allStaff ).concat( [
				el( 'a', { className: 'coursestaff-profile', href: profileUrl( config, user ) }, [
					msg( 'coursestaff-profile', user )
				] )
			] ) )
		] );
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
				if ( !first || !last ) {
					e.preventDefault();
				} else if ( e.shiftKey && ( document.activeElement === first || document.activeElement === panel ) ) {
					e.preventDefault();
					last.focus();
				} else if ( !e.shiftKey && document.activeElement === last ) {
					e.preventDefault();
					first.focus();
				}
			}
		} );
		document.body.appendChild( backdrop );
		panel.focus();
	}

	function addTab( config, user, data ) {
		var item = null;
		for ( var i = 0; i < PORTLETS.length && !item; i++ ) {
			item = mw.util.addPortletLink( PORTLETS[ i ], '#', msg( 'coursestaff-tab' ), 'ca-coursestaff', msg( 'coursestaff-tab-tooltip' ) );
		}
		var link = item && item.querySelector( 'a' );
		if ( !link ) {
			return;
		}
		link.setAttribute( 'aria-haspopup', 'dialog' );
		link.addEventListener( 'click', function ( e ) {
			e.preventDefault();
			openPanel( config, user, data, link );
		} );
	}

	function main() {
		var user = mw.config.get( 'wgRelevantUserName' );
		if ( !isSupportedPage( mw.config ) || isIgnoredUser( user, mw.util ) ) {
			return;
		}
		var config = readConfig( window.courseStaffConfig, mw.config );
		setMessages();
		loadStaff( config, user ).then( function ( data ) {
			if ( data && data.courses.length > 0 ) {
				addTab( config, user, data );
			}
		} ).catch( function ( err ) {
			// Never break the page: the tab is simply not added.
			// eslint-disable-next-line no-console
			console.warn( '[course-staff]', err );
		} );
	}

	// Settings made in the reader's common.js (the `user` module) must be read after it has run,
	// whichever loads first. Only wait when the page loads that module (a 'registered' one would be
	// fetched just for this); a broken common.js must not stop the gadget.
	function afterUserScripts() {
		var state = typeof mw.loader.getState === 'function' ? mw.loader.getState( 'user' ) : null;
		return state && state !== 'registered' ? mw.loader.using( 'user' ).then( null, function () {} ) : null;
	}

	mw.loader.using( DEPENDENCIES ).then( afterUserScripts ).then( function () {
		if ( document.readyState === 'loading' ) {
			document.addEventListener( 'DOMContentLoaded', main );
		} else {
			main();
		}
	}, function ( err ) {
		// eslint-disable-next-line no-console
		console.warn( '[course-staff] could not load dependencies', err );
	} );
}() );
