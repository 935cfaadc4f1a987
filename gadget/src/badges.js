/**
 * Course staff gadget: badges in lists. In Recent changes, watchlists, histories, diffs, logs,
 * new pages and the user list, a small marker right after the link of each person in a current
 * course, and a card with their courses on focus and Enter, hover or click; on contributions
 * pages, one after the page user's link in the subtitle. Asks the service's /api/badges about
 * at most 50 names a request, one request at a time, each name once a page view. Part of the
 * main module, started by main.js.
 */
/* global courseStaffSettings, courseStaffBadgesCore, courseStaffUi */
/* exported courseStaffBadges */
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
