/**
 * Course staff gadget: the "Course staff" tab on user pages, user talk pages and contributions
 * pages of users enrolled in an active course of the Programs & Events or the Wiki Education
 * Dashboard, and its panel listing the course staff with links to their talk pages and a
 * one-click ping. Part of the main module, started by main.js.
 */
/* global courseStaffCore, courseStaffUi */
/* exported courseStaffTab */
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
