/*
 * The test page's lists of user links, in the markup MediaWiki renders them (1.39 and later,
 * simplified: the classes and nesting the gadget and skins rely on): Recent changes (and the
 * watchlist, Related changes), a page history, a diff, Special:Log, Special:NewPages,
 * Special:ListUsers and a user's contributions (whose rows carry no user links; the user's link is
 * in the subtitle). page.js puts them into the skin's content area. Every name reaches the DOM as
 * text.
 */
( function () {
	'use strict';

	/** createElement with properties and children; strings become text nodes. */
	function h( tag, props, children ) {
		var node = document.createElement( tag );
		Object.keys( props || {} ).forEach( function ( k ) {
			if ( props[ k ] === undefined ) {
				return;
			}
			if ( k === 'class' ) {
				node.className = props[ k ];
			} else if ( k.indexOf( 'data-' ) === 0 || k.indexOf( 'aria-' ) === 0 || k === 'role' ) {
				node.setAttribute( k, props[ k ] );
			} else {
				node[ k ] = props[ k ];
			}
		} );
		( children || [] ).forEach( function ( c ) {
			if ( c ) {
				node.appendChild( typeof c === 'string' ? document.createTextNode( c ) : c );
			}
		} );
		return node;
	}

	// The demo worlds' personas (demo/demo-world.ts, demo/wikiedu-world.ts) with and without a
	// current course, and an IPv4, an IPv6 and a temporary account, whom the gadget never asks
	// about. The first list of each page; a live update brings the second (new names and some of
	// the first); changed filters keep a part of the list shown.
	var NAMES = [
		'Émilie Dupont', 'Past Participant', 'Noor Haddad', '192.0.2.7', 'Taylor Brooks', 'Quiet Reader',
		'Adaeze Okafor', '~2026-12345-6', 'Sage (Wiki Ed)', 'Ghost User', '2001:db8::7', 'Émilie Dupont'
	];
	var LIVE_NAMES = [
		'Lena Vogel', 'Noor Haddad', 'Xss Target', 'Past Participant', 'Prof Ada Lindqvist', 'C++ Fan',
		'Listfiller 001', '100% Wiki', '192.0.2.7', 'Lena Vogel'
	];
	var PAGE_TITLES = [ 'Photosynthesis', 'Marie Curie', 'Coral reef', 'Talk:Climate', 'Lagos', 'Montréal' ];

	function isIp( name ) {
		return /^\d+\.\d+\.\d+\.\d+$/.test( name ) || name.indexOf( ':' ) !== -1;
	}

	function pageLink( title ) {
		return h( 'a', { href: '/wiki/' + encodeURIComponent( title.replace( / /g, '_' ) ), title: title }, [ title ] );
	}

	/** Linker::userLink: MediaWiki's link to a user, an IP address or a temporary account. */
	function userLink( name ) {
		var anon = isIp( name );
		var temp = name.charAt( 0 ) === '~';
		var target = anon ? 'Special:Contributions/' + name : 'User:' + name;
		return h( 'a', {
			href: '/wiki/' + encodeURIComponent( target.replace( / /g, '_' ) ),
			class: 'mw-userlink' + ( anon ? ' mw-anonuserlink' : '' ) + ( temp ? ' mw-tempuserlink' : '' ),
			title: target
		}, [ h( 'bdi', {}, [ name ] ) ] );
	}

	/** Linker::userToolLinks: (talk | contribs) after a user link. */
	function toolLinks( name ) {
		return h( 'span', { class: 'mw-usertoollinks mw-changeslist-links' }, [
			h( 'span', {}, [ h( 'a', { class: 'mw-usertoollinks-talk', href: '/wiki/User_talk:' + encodeURIComponent( name ) }, [ 'talk' ] ) ] ),
			h( 'span', {}, [ h( 'a', { class: 'mw-usertoollinks-contribs', href: '/wiki/Special:Contributions/' + encodeURIComponent( name ) }, [ 'contribs' ] ) ] )
		] );
	}

	function separator() {
		return h( 'span', { class: 'mw-changeslist-separator' } );
	}

	function time( i ) {
		return '12:' + String( 59 - ( i % 60 ) ).padStart( 2, '0' );
	}

	/**
	 * `count` rows' names, so that about half repeat: the names given, then the 60 mentors of the
	 * demo world's big course (demo/demo-world.ts MANY_STAFF: people with a current course, as a
	 * class editing at once would show), then Listfiller names.
	 */
	function namesFor( names, count ) {
		if ( !count ) {
			return names;
		}
		var pool = names.filter( function ( n, i ) {
			return names.indexOf( n ) === i;
		} );
		for ( var i = 1; pool.length < Math.ceil( count / 2 ); i++ ) {
			pool.push( i <= 60 ? 'Mentor ' + String( i ).padStart( 2, '0' ) : 'Listfiller ' + String( 100 + i ).padStart( 3, '0' ) );
		}
		return Array.from( { length: count }, function ( _, j ) {
			return pool[ j % pool.length ];
		} );
	}

	/** One line of Recent changes, the watchlist or Related changes (not grouped). */
	function changeLine( name, i ) {
		var title = PAGE_TITLES[ i % PAGE_TITLES.length ];
		return h( 'li', { class: 'mw-changeslist-line mw-changeslist-edit mw-changeslist-line-not-watched', 'data-mw-ts': String( 20261207125900 - i * 100 ) }, [
			h( 'span', { class: 'mw-changeslist-links' }, [ h( 'span', {}, [ h( 'a', { href: '#diff' }, [ 'diff' ] ) ] ), h( 'span', {}, [ h( 'a', { href: '#hist' }, [ 'hist' ] ) ] ) ] ),
			' ', separator(), ' ',
			h( 'span', { class: 'mw-title' }, [ pageLink( title ) ] ), '; ',
			h( 'span', { class: 'mw-changeslist-date' }, [ time( i ) ] ), ' ', separator(), ' ',
			h( 'span', { class: 'mw-plusminus-pos mw-diff-bytes' }, [ '+' + ( 10 + i ) ] ), ' ', separator(), ' ',
			userLink( name ), ' ', toolLinks( name ), ' ',
			h( 'span', { class: 'comment comment--without-parentheses' }, [ 'copy edit' ] )
		] );
	}

	function changesList( names ) {
		return h( 'div', {}, [
			h( 'h4', {}, [ '7 December 2026' ] ),
			h( 'ul', { class: 'special' }, names.map( changeLine ) )
		] );
	}

	/**
	 * Recent changes and the like: the list in RCFilters' wrapper, which live updates and changed
	 * filters refill, firing `wikipage.content` with the wrapper, as MediaWiki does.
	 *
	 * @param {string[]} names
	 * @return {HTMLElement[]}
	 */
	function changes( names ) {
		var generation = 0;
		var wrapper = h( 'div', { class: 'mw-rcfilters-ui-changesListWrapperWidget mw-changeslist' }, [ changesList( names ) ] );
		var shown = names;

		function refill( next ) {
			shown = next;
			generation++;
			wrapper.textContent = '';
			wrapper.appendChild( changesList( next ) );
			wrapper.setAttribute( 'data-generation', String( generation ) );
			mw.hook( 'wikipage.content' ).fire( [ wrapper ] );
		}

		var live = h( 'button', { type: 'button', id: 'testpage-live-update', class: 'mw-rcfilters-ui-liveUpdateButtonWidget', onclick: function () {
			refill( generation === 0 ? LIVE_NAMES : LIVE_NAMES.concat( [ 'Listfiller ' + String( 900 + generation ) ] ) );
		} }, [ 'Live updates' ] );
		var filter = h( 'button', { type: 'button', id: 'testpage-filter', onclick: function () {
			// A narrower filter: every other line of the list shown, nobody new.
			refill( shown.filter( function ( n, i ) {
				return i % 2 === 0;
			} ) );
		} }, [ 'Hide minor edits' ] );
		return [ h( 'div', { class: 'mw-rcfilters-ui-filterWrapperWidget' }, [ live, ' ', filter ] ), wrapper ];
	}

	function history( names ) {
		return [ h( 'section', { id: 'pagehistory', class: 'mw-pager-body' }, [
			h( 'h4', { class: 'mw-index-pager-list-header' }, [ '7 December 2026' ] ),
			h( 'ul', { class: 'mw-contributions-list' }, names.map( function ( name, i ) {
				return h( 'li', { 'data-mw-revid': String( 9000 - i ) }, [
					h( 'span', { class: 'mw-history-histlinks mw-changeslist-links' }, [ h( 'span', {}, [ 'cur' ] ), h( 'span', {}, [ h( 'a', { href: '#prev' }, [ 'prev' ] ) ] ) ] ),
					' ', h( 'a', { class: 'mw-changeslist-date', href: '#rev' }, [ time( i ) + ', 7 December 2026' ] ), ' ',
					h( 'span', { class: 'history-user' }, [ userLink( name ), ' ', toolLinks( name ) ] ), ' ', separator(), ' ',
					h( 'span', { class: 'history-size mw-diff-bytes' }, [ ( 2000 + i ) + ' bytes' ] ), ' ',
					h( 'span', { class: 'comment' }, [ '(expand)' ] )
				] );
			} ) )
		] ) ];
	}

	function diffSide( side, name, revision ) {
		return h( 'td', { class: 'diff-' + side + 'title', colSpan: 2 }, [
			h( 'div', { id: 'mw-diff-' + side + 'title1' }, [ h( 'strong', {}, [ h( 'a', { href: '#rev' }, [ 'Revision as of ' + revision ] ) ] ) ] ),
			h( 'div', { id: 'mw-diff-' + side + 'title2' }, [ userLink( name ), ' ', toolLinks( name ) ] ),
			h( 'div', { id: 'mw-diff-' + side + 'title3' }, [ h( 'span', { class: 'comment' }, [ '(wording)' ] ) ] )
		] );
	}

	/** A diff of two revisions by two people (the first two registered names), the page below. */
	function diff( names ) {
		var people = names.filter( function ( n ) {
			return !isIp( n );
		} );
		return [
			h( 'table', { class: 'diff diff-type-table' }, [ h( 'tbody', {}, [
				h( 'tr', { class: 'diff-title' }, [ diffSide( 'o', people[ 1 ], '11:02' ), diffSide( 'n', people[ 0 ], '12:40' ) ] ),
				h( 'tr', {}, [ h( 'td', { class: 'diff-marker' } ), h( 'td', { class: 'diff-deletedline' }, [ 'Old wording.' ] ), h( 'td', { class: 'diff-marker' } ), h( 'td', { class: 'diff-addedline' }, [ 'New wording.' ] ) ] )
			] ) ] ),
			h( 'div', { class: 'mw-parser-output' }, [ h( 'p', {}, [ 'New wording.' ] ) ] )
		];
	}

	/** Special:Log: who did it, and for user actions whom it was done to. */
	function log( names ) {
		return [ h( 'ul', { class: 'mw-logevent-loglines' }, names.map( function ( name, i ) {
			var target = names[ ( i + 3 ) % names.length ];
			var created = i % 2 === 0;
			return h( 'li', { class: created ? 'mw-logline-newusers' : 'mw-logline-rights' }, [
				h( 'a', { class: 'mw-changeslist-date', href: '#log' }, [ time( i ) + ', 7 December 2026' ] ), ' ',
				userLink( name ), ' ', toolLinks( name ),
				created ? ' created page ' : ' changed group membership for ',
				created ? pageLink( PAGE_TITLES[ i % PAGE_TITLES.length ] ) : userLink( target )
			] );
		} ) ) ];
	}

	function newPages( names ) {
		return [ h( 'ul', {}, names.map( function ( name, i ) {
			return h( 'li', { class: 'mw-newpages-line' }, [
				h( 'span', { class: 'mw-newpages-time' }, [ time( i ) + ', 7 December 2026' ] ), ' ',
				h( 'a', { class: 'mw-newpages-pagename', href: '#page' }, [ PAGE_TITLES[ i % PAGE_TITLES.length ] + ' ' + i ] ), ' ',
				h( 'span', { class: 'mw-newpages-length' }, [ '[' + ( 300 + i ) + ' bytes]' ] ), ' ', separator(), ' ',
				userLink( name ), ' ', toolLinks( name )
			] );
		} ) ) ];
	}

	function listUsers( names ) {
		var unique = names.filter( function ( n, i ) {
			return names.indexOf( n ) === i && !isIp( n );
		} );
		return [ h( 'ul', {}, unique.map( function ( name ) {
			return h( 'li', {}, [ userLink( name ), ' ', toolLinks( name ), ' ‎(editor)' ] );
		} ) ) ];
	}

	/** Contributions rows: the user's edits, no user links. */
	function contributions( names, user ) {
		return [ h( 'ul', { class: 'mw-contributions-list' }, PAGE_TITLES.map( function ( title, i ) {
			return h( 'li', { 'data-mw-revid': String( 8000 - i ) }, [
				h( 'a', { class: 'mw-changeslist-date', href: '#rev' }, [ time( i ) + ', 7 December 2026' ] ), ' ', separator(), ' ',
				pageLink( title ), ' ', h( 'span', { class: 'comment' }, [ '(edit by ' + user + ')' ] )
			] );
		} ) ) ];
	}

	/** The subtitle of Special:Contributions: "For <the user's user page>" and tool links. */
	function contributionsSubtitle( user ) {
		return [ h( 'div', { class: 'mw-contributions-user-tools' }, [
			'For ', h( 'a', { href: '/wiki/User:' + encodeURIComponent( user.replace( / /g, '_' ) ), title: 'User:' + user }, [ user ] ), ' (', toolLinks( user ), ')'
		] ) ];
	}

	var KINDS = {
		recentchanges: { special: 'Recentchanges', heading: 'Recent changes', render: changes },
		recentchangeslinked: { special: 'Recentchangeslinked', heading: 'Related changes', render: changes },
		watchlist: { special: 'Watchlist', heading: 'Watchlist', render: changes },
		history: { action: 'history', heading: 'Photosynthesis: Revision history', render: history },
		diff: { diff: true, heading: 'Photosynthesis: Difference between revisions', render: diff },
		log: { special: 'Log', heading: 'All public logs', render: log },
		newpages: { special: 'Newpages', heading: 'New pages', render: newPages },
		listusers: { special: 'Listusers', heading: 'Users list', render: listUsers },
		contributions: { special: 'Contributions', render: contributions, subtitle: contributionsSubtitle }
	};

	window.testPageLists = {
		h: h,
		KINDS: KINDS,
		/**
		 * A list page's content and subtitle.
		 *
		 * @param {string} kind a key of KINDS
		 * @param {Object} options `rows` (how many; the page's own list by default), `user` (contributions)
		 * @return {Object} `content` and `subtitle`: nodes
		 */
		render: function ( kind, options ) {
			var spec = KINDS[ kind ];
			return {
				content: spec.render( namesFor( NAMES, options.rows ), options.user ),
				subtitle: spec.subtitle ? spec.subtitle( options.user ) : []
			};
		}
	};
}() );
