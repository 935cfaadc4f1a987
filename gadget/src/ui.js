/**
 * Course staff gadget: what the tab's panel and the badges' card share, bound to MediaWiki
 * (`mw`) and the DOM: messages, elements, staff lists, the copy-ping controls.
 */
/* global courseStaffCore */
/* exported courseStaffUi */
var courseStaffUi = ( function ( core ) {
	'use strict';

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
	 * The name of a Dashboard.
	 *
	 * @param {string} dashboard its id
	 * @return {string}
	 */
	function dashboardLabel( dashboard ) {
		// Messages used here: coursestaff-dashboard-outreach, coursestaff-dashboard-wikiedu
		return msg( 'coursestaff-dashboard-' + dashboard );
	}

	/**
	 * Staff names, each linked to their talk page on this wiki.
	 *
	 * @param {string[]} names
	 * @return {HTMLElement}
	 */
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
		msg: msg,
		warn: warn,
		el: el,
		dashboardLabel: dashboardLabel,
		staffList: staffList,
		pingControls: pingControls,
		focusables: focusables
	};
}( courseStaffCore ) );
