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
/* global courseStaffCore, courseStaffMessages */
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
