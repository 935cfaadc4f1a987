/*
 * The test page's scenario, all from the query string so every case is a plain URL:
 *   ?user=<name>&page=user|usertalk|contributions|article|<a list page>
 *    &skin=vector-2022|vector|monobook|timeless|minerva
 *    &theme=light|night|os&lang=<a language below>&dbname=<wgDBname>[&dashboards=outreach|wikiedu|all|<anything>]
 *    [&events=1][&badges=0|1][&rows=<n>][&install=gadget|script][&outreachBase=<URL>][&wikieduBase=<URL>]
 *    [&api=<service base URL>]
 * List pages (lists.js): recentchanges, recentchangeslinked, watchlist, history, diff, log, newpages,
 * listusers, and contributions (the user's). It builds the chosen skin's portlet markup (ids and
 * nesting as the real skins render them, greatly simplified) and the page's content, fills mw.config
 * as MediaWiki would, fires `wikipage.content`, then loads the gadget against this origin: its
 * loader, which loads the main module as a gadget's ResourceLoader module (`install=gadget`, the
 * default) or from the files next to it (`install=script`, a personal-script installation).
 * Every string taken from the query string reaches the DOM as text.
 */
( function () {
	'use strict';

	var SKINS = [ 'vector-2022', 'vector', 'monobook', 'timeless', 'minerva' ];
	var lists = window.testPageLists;
	var h = lists.h;
	var PAGES = [ 'user', 'usertalk', 'contributions', 'article' ].concat( Object.keys( lists.KINDS ).filter( function ( kind ) {
		return kind !== 'contributions';
	} ) );
	var THEMES = [ 'light', 'night', 'os' ];
	// The gadget's languages, two that fall back to one of them, and two it has no translation for
	// (right to left and left to right), which fall back to English.
	var LANGS = [
		'en', 'ar', 'cs', 'de', 'es', 'fa', 'fr', 'he', 'id', 'it', 'pt', 'pt-br', 'ru', 'uk', 'zh-hans',
		'de-at', 'arz', 'ur', 'nl'
	];
	// Written right to left: the page's direction (MediaWiki's <html dir> is the reader's language's).
	var RTL = [ 'ar', 'arz', 'fa', 'he', 'ur' ];
	// Some wgDBname values (any is taken): the gadget's Dashboards default by wiki (both on English
	// Wikipedia only).
	var WIKIS = [ 'testwiki', 'enwiki', 'dewiki' ];
	// The gadget's `dashboards` setting; "default" leaves it unset.
	var DASHBOARDS = [ 'default', 'outreach', 'wikiedu', 'all' ];
	// Skins with Codex tokens and night mode; the others keep the gadget's light fallbacks.
	var TOKEN_SKINS = [ 'vector-2022', 'minerva' ];
	// The demo world's personas (demo/world.ts PERSONAS), plus names the gadget must ignore.
	var USERS = [
		'Émilie Dupont', 'Adaeze Okafor', 'Lena Vogel', 'User With Spaces', 'Big Course Student',
		'Xss Target', 'C++ Fan', '100% Wiki', 'Past Participant', 'Quiet Reader', 'Ghost User',
		// On both Dashboards (demo/demo-world.ts PERSONAS.onBoth); only on Wiki Education.
		'Noor Haddad', 'Taylor Brooks',
		'192.0.2.7', '2001:db8::7', '~2026-12345-6'
	];

	var query = new URLSearchParams( location.search );

	function oneOf( value, allowed ) {
		return allowed.indexOf( value ) !== -1 ? value : allowed[ 0 ];
	}

	var scenario = {
		user: query.get( 'user' ) || USERS[ 0 ],
		page: oneOf( query.get( 'page' ), PAGES ),
		skin: oneOf( query.get( 'skin' ), SKINS ),
		theme: oneOf( query.get( 'theme' ), THEMES ),
		lang: oneOf( query.get( 'lang' ), LANGS ),
		dbname: query.get( 'dbname' ) || WIKIS[ 0 ],
		// Passed on as it is, so that a value the gadget refuses can be tried too.
		dashboards: query.get( 'dashboards' ) || 'default',
		events: query.get( 'events' ) === '1',
		// The gadget's `badges` setting: unset by default.
		badges: query.has( 'badges' ) ? query.get( 'badges' ) === '1' : undefined,
		// How many rows a list page shows (its own short list by default).
		rows: Number( query.get( 'rows' ) ) || 0,
		install: query.get( 'install' ) === 'script' ? 'script' : 'gadget',
		outreachBase: query.get( 'outreachBase' ),
		wikieduBase: query.get( 'wikieduBase' ),
		// Another origin for the API shows the cross-origin (CORS) behaviour of a real wiki.
		api: query.get( 'api' ) || location.origin
	};

	function urlWith( changes ) {
		var params = new URLSearchParams( location.search );
		Object.keys( changes ).forEach( function ( k ) {
			params.set( k, changes[ k ] );
		} );
		return location.pathname + '?' + params.toString();
	}

	// ---- The wiki page being viewed ----

	var listKind = lists.KINDS[ scenario.page ];
	var isSpecial = Boolean( listKind && listKind.special );
	var PAGE_INFO = {
		user: { ns: 2, canonicalNs: 'User', title: scenario.user, heading: 'User:' + scenario.user },
		usertalk: { ns: 3, canonicalNs: 'User_talk', title: scenario.user, heading: 'User talk:' + scenario.user },
		contributions: { ns: -1, canonicalNs: 'Special', title: 'Contributions/' + scenario.user, heading: 'User contributions for ' + scenario.user },
		article: { ns: 0, canonicalNs: '', title: 'Course staff', heading: 'Course staff' }
	};
	var info = PAGE_INFO[ scenario.page ] || ( isSpecial ?
		{ ns: -1, canonicalNs: 'Special', title: listKind.special, heading: listKind.heading } :
		{ ns: 0, canonicalNs: '', title: 'Photosynthesis', heading: listKind.heading } );
	var shown = listKind ? lists.render( scenario.page, { rows: scenario.rows, user: scenario.user } ) : null;

	function tab( id, label, page, selected ) {
		return { id: id, label: label, href: page ? urlWith( { page: page } ) : '#', selected: selected };
	}

	var items = {
		associated: isSpecial ?
			[ tab( 'ca-nstab-special', 'Special page', null, true ) ] :
			scenario.page === 'article' || listKind ?
				[ tab( 'ca-nstab-main', 'Article', 'article', true ), tab( 'ca-talk', 'Talk', null, false ) ] :
				[ tab( 'ca-nstab-user', 'User page', 'user', scenario.page === 'user' ), tab( 'ca-talk', 'Talk', 'usertalk', scenario.page === 'usertalk' ) ],
		views: isSpecial ? [] : [ tab( 'ca-view', 'Read', null, true ), tab( 'ca-edit', 'Edit', null, false ), tab( 'ca-history', 'View history', null, false ) ],
		actions: isSpecial ? [] : [ tab( 'ca-move', 'Move', null, false ), tab( 'ca-watch', 'Watch', null, false ) ],
		tools: [ tab( 't-whatlinkshere', 'What links here', null, false ), tab( 't-contributions', 'User contributions', 'contributions', false ), tab( 't-upload', 'Upload file', null, false ) ]
	};

	function list( entries, itemClass ) {
		return h( 'ul', { class: 'vector-menu-content-list' }, entries.map( function ( e ) {
			return h( 'li', { id: e.id, class: 'mw-list-item ' + ( itemClass || '' ) + ( e.selected ? ' selected' : '' ) }, [
				h( 'a', { href: e.href }, [ h( 'span', {}, [ e.label ] ) ] )
			] );
		} ) );
	}

	/** A Vector-style menu: <nav id> > heading > .vector-menu-content > ul. */
	function menu( id, label, entries, kind ) {
		return h( 'nav', { id: id, class: 'vector-menu mw-portlet ' + kind + ( entries.length ? '' : ' emptyPortlet' ), 'aria-label': label }, [
			h( 'h3', { class: 'vector-menu-heading' }, [ label ] ),
			h( 'div', { class: 'vector-menu-content' }, [ list( entries ) ] )
		] );
	}

	/** A MonoBook/Timeless-style portlet: <div id class=portlet> > h3 > .pBody > ul. */
	function portlet( id, label, entries ) {
		return h( 'div', { id: id, class: 'portlet mw-portlet', role: 'navigation', 'aria-label': label }, [
			h( 'h3', {}, [ label ] ),
			h( 'div', { class: 'pBody' }, [ list( entries ) ] )
		] );
	}

	function content() {
		return h( 'main', { id: 'content', class: 'mw-body' }, [
			h( 'h1', { id: 'firstHeading', class: 'firstHeading' }, [ info.heading ] ),
			h( 'div', { id: 'bodyContent', class: 'vector-body' }, [
				h( 'div', { id: 'contentSub' }, shown ? shown.subtitle : [] ),
				h( 'div', { id: 'mw-content-text', class: 'mw-body-content' }, shown ? shown.content : [
					h( 'p', {}, [ 'A local stand-in for a MediaWiki page. On user, user talk and contributions pages of a user with an active course, the gadget adds a "Course staff" tab; in lists of user links it marks the people in current courses.' ] ),
					h( 'p', {}, [ 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.' ] )
				] )
			] )
		] );
	}

	var SKIN_LAYOUTS = {
		'vector-2022': function () {
			return [
				h( 'header', { class: 'vector-header mw-header' }, [ h( 'span', { class: 'mw-logo' }, [ 'Testwiki' ] ) ] ),
				h( 'div', { class: 'mw-page-container' }, [
					h( 'div', { class: 'vector-page-toolbar' }, [
						h( 'div', { id: 'left-navigation' }, [ menu( 'p-associated-pages', 'Namespaces', items.associated, 'vector-menu-tabs' ) ] ),
						h( 'div', { id: 'right-navigation' }, [
							menu( 'p-views', 'Views', items.views, 'vector-menu-tabs' ),
							// The page-tools dropdown, closed: p-cactions and p-tb live inside it.
							h( 'div', { class: 'vector-dropdown vector-page-tools-dropdown' }, [
								h( 'span', { class: 'vector-dropdown-label' }, [ 'Tools' ] ),
								h( 'div', { class: 'vector-dropdown-content', hidden: true }, [
									menu( 'p-cactions', 'Actions', items.actions, 'vector-menu-dropdown' ),
									menu( 'p-tb', 'General', items.tools, 'vector-menu-dropdown' )
								] )
							] )
						] )
					] ),
					content()
				] )
			];
		},
		vector: function () {
			return [
				h( 'div', { id: 'mw-head' }, [
					h( 'div', { id: 'left-navigation' }, [ menu( 'p-associated-pages', 'Namespaces', items.associated, 'vector-menu-tabs' ) ] ),
					h( 'div', { id: 'right-navigation' }, [
						menu( 'p-views', 'Views', items.views, 'vector-menu-tabs' ),
						menu( 'p-cactions', 'More', items.actions, 'vector-menu-dropdown' )
					] )
				] ),
				h( 'div', { id: 'mw-panel' }, [ h( 'div', { class: 'mw-logo' }, [ 'Testwiki' ] ), menu( 'p-tb', 'Tools', items.tools, 'vector-menu-portal' ) ] ),
				content()
			];
		},
		monobook: function () {
			return [
				h( 'div', { id: 'column-content' }, [ content() ] ),
				h( 'div', { id: 'column-one' }, [
					// MonoBook puts every page tab, namespace tabs included, into p-cactions.
					portlet( 'p-cactions', 'Page actions', items.associated.concat( items.views, items.actions ) ),
					h( 'div', { class: 'mw-logo portlet' }, [ 'Testwiki' ] ),
					portlet( 'p-tb', 'Tools', items.tools )
				] )
			];
		},
		timeless: function () {
			return [
				h( 'div', { id: 'mw-header-container' }, [ h( 'span', { class: 'mw-logo' }, [ 'Testwiki' ] ), portlet( 'p-more', 'More', [] ) ] ),
				h( 'div', { id: 'mw-content-container' }, [
					h( 'div', { id: 'mw-site-navigation' }, [ portlet( 'p-tb', 'Tools', items.tools ) ] ),
					h( 'div', { id: 'mw-content-block' }, [
						h( 'div', { id: 'page-header' }, [
							portlet( 'p-associated-pages', 'Namespaces', items.associated ),
							portlet( 'p-views', 'Views', items.views )
						] ),
						content()
					] ),
					h( 'div', { id: 'mw-related-navigation' }, [ portlet( 'p-cactions', 'Page tools', items.actions ) ] )
				] )
			];
		},
		minerva: function () {
			// Minerva puts the heading, the namespace tabs and the page actions in a heading holder.
			// On special pages MediaWiki 1.39's Minerva renders neither tabs nor page actions, and
			// no p-tb either (its "…" overflow menu is a page action).
			var holder = h( 'div', { class: 'pre-content heading-holder' }, [
				h( 'div', { class: 'page-heading' }, [ h( 'h1', { id: 'firstHeading', class: 'firstHeading' }, [ info.heading ] ) ] )
			] );
			if ( !isSpecial ) {
				holder.appendChild( h( 'ul', { id: 'p-associated-pages', class: 'minerva__tab-container' }, items.associated.map( function ( e ) {
					return h( 'li', { id: e.id, class: 'minerva__tab' + ( e.selected ? ' selected' : '' ) }, [ h( 'a', { href: e.href }, [ e.label ] ) ] );
				} ) ) );
				holder.appendChild( h( 'ul', { id: 'p-views', class: 'page-actions-menu__list' }, items.views.map( function ( e ) {
					return h( 'li', { id: e.id, class: 'page-actions-menu__list-item' }, [ h( 'a', { href: e.href, 'aria-label': e.label }, [ e.label ] ) ] );
				} ).concat( [ h( 'li', { id: 'page-actions-overflow', hidden: true }, [ h( 'ul', { id: 'p-tb' }, [] ) ] ) ] ) ) );
			}
			var main = content();
			main.replaceChild( holder, main.querySelector( '#firstHeading' ) );
			return [
				h( 'header', { class: 'header-container' }, [ h( 'span', { class: 'branding-box' }, [ 'Testwiki' ] ) ] ),
				main
			];
		}
	};

	// ---- The scenario switcher ----

	function choice( label, key, values, current ) {
		return h( 'div', { class: 'testpage-choice' }, [ h( 'strong', {}, [ label + ': ' ] ) ].concat( values.map( function ( v ) {
			var change = {};
			change[ key ] = v;
			return h( 'a', { href: urlWith( change ), 'data-user': key === 'user' ? v : undefined, 'aria-current': v === current ? 'page' : 'false' }, [ v ] );
		} ) ) );
	}

	function controls() {
		var input = h( 'input', { type: 'text', name: 'user', value: scenario.user, 'aria-label': 'Any user name' } );
		var form = h( 'form', { method: 'get', action: location.pathname }, [ input, h( 'button', { type: 'submit' }, [ 'Show' ] ) ] );
		[ 'page', 'skin', 'theme', 'lang', 'dbname', 'dashboards', 'install' ].forEach( function ( k ) {
			form.appendChild( h( 'input', { type: 'hidden', name: k, value: scenario[ k ] } ) );
		} );
		return [
			h( 'h2', {}, [ 'Test scenario' ] ),
			choice( 'User', 'user', USERS, scenario.user ),
			form,
			choice( 'Page', 'page', PAGES, scenario.page ),
			choice( 'Skin', 'skin', SKINS, scenario.skin ),
			choice( 'Theme', 'theme', THEMES, scenario.theme ),
			choice( 'Language', 'lang', LANGS, scenario.lang ),
			choice( 'Wiki (wgDBname)', 'dbname', WIKIS, scenario.dbname ),
			choice( 'Dashboards', 'dashboards', DASHBOARDS, scenario.dashboards ),
			choice( 'Event dates', 'events', [ '0', '1' ], scenario.events ? '1' : '0' ),
			choice( 'Badges', 'badges', [ '1', '0' ], scenario.badges === false ? '0' : '1' ),
			choice( 'Installed as', 'install', [ 'gadget', 'script' ], scenario.install ),
			h( 'p', {}, [ 'API: ' + scenario.api + '. Reload keeps the scenario; the gadget caches answers in session storage for 5 minutes.' ] )
		];
	}

	// ---- Build, configure, load ----

	var root = document.documentElement;
	root.lang = scenario.lang;
	root.dir = RTL.indexOf( scenario.lang ) === -1 ? 'ltr' : 'rtl';
	if ( TOKEN_SKINS.indexOf( scenario.skin ) !== -1 ) {
		root.classList.add( 'testpage-tokens', 'skin-theme-clientpref-' + scenario.theme );
	}
	document.body.classList.add( 'skin-' + scenario.skin, 'ns-' + info.ns, 'action-' + ( listKind && listKind.action || 'view' ) );
	var skinRoot = document.getElementById( 'testpage-skin' );
	SKIN_LAYOUTS[ scenario.skin ]().forEach( function ( node ) {
		if ( node ) {
			skinRoot.appendChild( node );
		}
	} );
	var controlsRoot = document.getElementById( 'testpage-controls' );
	controls().forEach( function ( node ) {
		controlsRoot.appendChild( node );
	} );

	if ( scenario.skin === 'minerva' ) {
		// Minerva restyles items added to its tab bar through this hook.
		mw.hook( 'util.addPortletLink' ).add( function ( item ) {
			if ( item.parentNode && item.parentNode.id === 'p-associated-pages' ) {
				item.classList.add( 'minerva__tab' );
			}
		} );
	}

	var relevantUser = [ 'user', 'usertalk', 'contributions' ].indexOf( scenario.page ) !== -1 ? scenario.user : null;
	mw.config.set( {
		skin: scenario.skin,
		wgUserLanguage: scenario.lang,
		wgDBname: scenario.dbname,
		wgNamespaceNumber: info.ns,
		wgCanonicalNamespace: info.canonicalNs,
		wgCanonicalSpecialPageName: isSpecial ? listKind.special : false,
		wgTitle: info.title,
		wgPageName: ( info.canonicalNs ? info.canonicalNs + ':' : '' ) + info.title.replace( / /g, '_' ),
		wgRelevantUserName: relevantUser,
		wgUserName: null,
		wgAction: listKind && listKind.action || 'view',
		wgArticlePath: '/wiki/$1'
	} );
	if ( listKind && listKind.diff ) {
		mw.config.set( { wgDiffOldId: 8999, wgDiffNewId: 9000 } );
	}
	window.courseStaffConfig = {
		apiBase: scenario.api,
		dashboards: scenario.dashboards === 'default' ? undefined : scenario.dashboards,
		useEventDates: scenario.events,
		badges: scenario.badges,
		outreachBase: scenario.outreachBase || undefined,
		wikieduBase: scenario.wikieduBase || undefined
	};
	document.title = info.heading + ' – Course staff test page';
	// MediaWiki fires this for the page's content when the DOM is ready (mediawiki.page.ready),
	// with a jQuery object: here an array.
	mw.hook( 'wikipage.content' ).fire( [ document.getElementById( 'mw-content-text' ) ] );
	if ( scenario.install === 'gadget' ) {
		// The gadget's second module, as its definition line declares it to ResourceLoader, and its
		// pages (the translations), which the wiki serves raw.
		mw.loader.registerFiles( 'ext.gadget.course-staff-main', { script: '/gadget/course-staff-main.js', style: '/gadget/course-staff.css' } );
		mw.loader.registerRawPages( 'MediaWiki:Gadget-', '/gadget/' );
	}
	document.body.appendChild( h( 'script', { src: '/gadget/course-staff.js' } ) );
}() );
