/**
 * Course staff gadget: what the tab's panel and the badges' card share, bound to MediaWiki
 * (`mw`) and the DOM: messages (in the language they came in, names isolated from the text
 * around them), elements, staff lists, the copy-ping controls.
 */
/* global courseStaffCore, courseStaffBadgesCore, courseStaffLanguages */
/* exported courseStaffUi */
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
