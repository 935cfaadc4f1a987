/*
 * A small stand-in for MediaWiki's client-side `mw`, holding only what the gadget uses, with the
 * contracts of MediaWiki core: mw.config.get returns null for a missing key, addPortletLink returns
 * null for a missing portlet and fires the util.addPortletLink hook, mw.storage expiries are in
 * seconds, mw.loader.using rejects unknown modules and loads a gadget's module (its files, as
 * ResourceLoader would) before resolving, hooks remember their last firing. Messages support $n and
 * {{PLURAL:}} (explicit "0=" forms too) by the browser's CLDR plural rules of wgUserLanguage, like
 * mediawiki.jqueryMsg's text(); mw.language has a small fallback table of its own (real wikis have
 * MediaWiki's).
 */
( function () {
	'use strict';

	var MODULES = [ 'mediawiki.util', 'mediawiki.storage', 'mediawiki.language', 'mediawiki.jqueryMsg', 'mediawiki.Title', 'mediawiki.api' ];
	// MediaWiki's fallbacks of the languages the test page offers (languages/messages/Messages*.php).
	var FALLBACKS = { 'de-at': [ 'de' ], 'pt-br': [ 'pt' ], pt: [ 'pt-br' ], cs: [ 'sk' ], arz: [ 'ar' ] };
	// CLDR's plural categories, in the order MediaWiki's PLURAL forms follow.
	var PLURAL_ORDER = [ 'zero', 'one', 'two', 'few', 'many', 'other' ];

	function MwMap() {
		this.values = {};
	}
	MwMap.prototype.get = function ( key, fallback ) {
		var fb = fallback === undefined ? null : fallback;
		return Object.prototype.hasOwnProperty.call( this.values, key ) ? this.values[ key ] : fb;
	};
	MwMap.prototype.set = function ( key, value ) {
		if ( typeof key === 'object' ) {
			Object.assign( this.values, key );
		} else {
			this.values[ key ] = value;
		}
		return true;
	};
	MwMap.prototype.exists = function ( key ) {
		return Object.prototype.hasOwnProperty.call( this.values, key );
	};

	// Modules of gadgets, by name: their files (registerFiles) and state.
	var gadgetModules = {};

	function addTag( tag, props ) {
		var node = document.createElement( tag );
		Object.assign( node, props );
		document.head.appendChild( node );
		return node;
	}

	/** Runs a script by URL; resolves once it ran. */
	function getScript( url ) {
		return new Promise( function ( resolve, reject ) {
			addTag( 'script', { src: url, async: true, onload: resolve, onerror: function () {
				reject( new Error( 'Could not load ' + url ) );
			} } );
		} );
	}

	function loadGadgetModule( name ) {
		var module = gadgetModules[ name ];
		if ( !module.loading ) {
			module.state = 'loading';
			if ( module.style ) {
				addTag( 'link', { rel: 'stylesheet', href: module.style } );
			}
			module.loading = getScript( module.script ).then( function () {
				module.state = 'ready';
			} );
		}
		return module.loading;
	}

	var config = new MwMap();
	var messages = new MwMap();

	function userLanguage() {
		return String( config.get( 'wgUserLanguage', 'en' ) );
	}

	function pluralForm( n, forms ) {
		var explicit = null;
		var plain = forms.filter( function ( form ) {
			var m = /^(\d+)=([\s\S]*)$/.exec( form );
			if ( m && Number( m[ 1 ] ) === n ) {
				explicit = m[ 2 ];
			}
			return !m;
		} );
		if ( explicit !== null ) {
			return explicit;
		}
		// MediaWiki takes a language's plural rules from its fallbacks where CLDR has none (arz: ar).
		var rules = new Intl.PluralRules( Intl.PluralRules.supportedLocalesOf( window.mw.language.getFallbackLanguageChain() )[ 0 ] );
		var categories = PLURAL_ORDER.filter( function ( c ) {
			return rules.resolvedOptions().pluralCategories.indexOf( c ) !== -1;
		} );
		var form = plain[ Math.min( categories.indexOf( rules.select( n ) ), plain.length - 1 ) ];
		return form === undefined ? '' : form;
	}

	function format( text, params ) {
		var withParams = text.replace( /\$(\d+)/g, function ( all, i ) {
			var p = params[ Number( i ) - 1 ];
			return p === undefined ? all : String( p );
		} );
		return withParams.replace( /\{\{PLURAL:([^|]*)\|([^}]*)\}\}/g, function ( all, n, forms ) {
			return pluralForm( Number( n ), forms.split( '|' ) );
		} );
	}

	function Message( key, params ) {
		this.key = key;
		this.params = params;
	}
	Message.prototype.exists = function () {
		return messages.exists( this.key );
	};
	Message.prototype.text = function () {
		return this.exists() ? format( messages.get( this.key ), this.params ) : '⧼' + this.key + '⧽';
	};
	Message.prototype.plain = Message.prototype.text;

	var hooks = {};
	function hook( name ) {
		if ( !hooks[ name ] ) {
			var handlers = [];
			var memory = null;
			hooks[ name ] = {
				add: function () {
					for ( var i = 0; i < arguments.length; i++ ) {
						handlers.push( arguments[ i ] );
						if ( memory ) {
							arguments[ i ].apply( null, memory );
						}
					}
					return this;
				},
				remove: function ( fn ) {
					handlers = handlers.filter( function ( h ) {
						return h !== fn;
					} );
					return this;
				},
				fire: function () {
					memory = Array.prototype.slice.call( arguments );
					handlers.forEach( function ( h ) {
						h.apply( null, memory );
					} );
					return this;
				}
			};
		}
		return hooks[ name ];
	}

	function SafeStorage( store ) {
		this.store = store;
	}
	SafeStorage.prototype.get = function ( key ) {
		var expiry = Number( this.store.getItem( '_EXPIRY_' + key ) );
		if ( expiry && expiry < Date.now() / 1000 ) {
			this.remove( key );
			return null;
		}
		return this.store.getItem( key );
	};
	SafeStorage.prototype.set = function ( key, value, expirySeconds ) {
		this.store.setItem( key, value );
		if ( expirySeconds ) {
			this.store.setItem( '_EXPIRY_' + key, String( Math.floor( Date.now() / 1000 ) + expirySeconds ) );
		} else {
			this.store.removeItem( '_EXPIRY_' + key );
		}
		return true;
	};
	SafeStorage.prototype.remove = function ( key ) {
		this.store.removeItem( key );
		this.store.removeItem( '_EXPIRY_' + key );
		return true;
	};
	SafeStorage.prototype.getObject = function ( key ) {
		var json = this.get( key );
		try {
			return json === null ? null : JSON.parse( json );
		} catch ( e ) {
			return null;
		}
	};
	SafeStorage.prototype.setObject = function ( key, value, expirySeconds ) {
		return this.set( key, JSON.stringify( value ), expirySeconds );
	};

	function wikiUrlencode( title ) {
		return encodeURIComponent( String( title ) )
			.replace( /'/g, '%27' )
			.replace( /%20/g, '_' )
			.replace( /%3B/g, ';' ).replace( /%40/g, '@' ).replace( /%24/g, '$' ).replace( /%21/g, '!' )
			.replace( /%2C/g, ',' ).replace( /%2F/g, '/' ).replace( /%3A/g, ':' );
	}

	var IPV4 = '(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|0?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|0?\\d?\\d)';
	var HEX = '[0-9A-Fa-f]{1,4}';
	var IPV6 = '(?::(?::|(?::' + HEX + '){1,7})|' + HEX + '(?::' + HEX + '){0,6}::|' + HEX + '(?::' + HEX + '){7})';
	var IPV6_MIDDLE = HEX + '(?:::?' + HEX + '){1,6}';

	// Pages whose raw text the test page serves from elsewhere, by title prefix (registerRawPages).
	var rawPages = [];

	var util = {
		getUrl: function ( title, params ) {
			var query = new URLSearchParams( params || {} ).toString();
			var raw = params && params.action === 'raw' && rawPages.filter( function ( r ) {
				return String( title ).indexOf( r.prefix ) === 0;
			} )[ 0 ];
			if ( raw ) {
				return raw.base + String( title ).slice( raw.prefix.length ) + '?' + query;
			}
			return config.get( 'wgArticlePath' ).replace( '$1', wikiUrlencode( String( title ).replace( / /g, '_' ) ) ) +
				( query ? '?' + query : '' );
		},
		wikiUrlencode: wikiUrlencode,
		isIPv4Address: function ( address, allowBlock ) {
			var block = allowBlock ? '(?:\\/(?:3[0-2]|[12]?\\d))?' : '';
			return new RegExp( '^' + IPV4 + block + '$' ).test( address );
		},
		isIPv6Address: function ( address, allowBlock ) {
			var block = allowBlock ? '(?:\\/(?:12[0-8]|1[01]\\d|[1-9]?\\d))?' : '';
			if ( new RegExp( '^' + IPV6 + block + '$' ).test( address ) ) {
				return true;
			}
			return new RegExp( '^' + IPV6_MIDDLE + block + '$' ).test( address ) &&
				/::/.test( address ) && !/::.*::/.test( address );
		},
		isIPAddress: function ( address, allowBlock ) {
			return util.isIPv4Address( address, allowBlock ) || util.isIPv6Address( address, allowBlock );
		},
		// Wikimedia's temporary-account pattern, "~2026-12345-6".
		isTemporaryUser: function ( name ) {
			return /^~\d{4}-/.test( String( name ) );
		},
		addPortletLink: function ( portletId, href, text, id, tooltip ) {
			var portlet = document.getElementById( portletId );
			var list = portlet && ( portlet.tagName === 'UL' ? portlet : portlet.querySelector( 'ul' ) );
			if ( !list ) {
				return null;
			}
			var item = document.createElement( 'li' );
			item.className = 'mw-list-item';
			if ( id ) {
				item.id = id;
			}
			var link = document.createElement( 'a' );
			link.href = href;
			if ( tooltip ) {
				link.title = tooltip;
			}
			var label = document.createElement( 'span' );
			label.textContent = text;
			link.appendChild( label );
			item.appendChild( link );
			list.appendChild( item );
			portlet.classList.remove( 'emptyPortlet' );
			hook( 'util.addPortletLink' ).fire( item, { id: id } );
			return item;
		}
	};

	function notify( message, options ) {
		var area = document.getElementById( 'mw-notification-area' );
		if ( !area ) {
			area = document.createElement( 'div' );
			area.id = 'mw-notification-area';
			area.setAttribute( 'role', 'status' );
			document.body.appendChild( area );
		}
		var note = document.createElement( 'div' );
		note.className = 'mw-notification mw-notification-type-' + ( ( options && options.type ) || 'info' );
		note.textContent = typeof message === 'string' ? message : message.textContent;
		area.appendChild( note );
		setTimeout( function () {
			note.remove();
		}, 5000 );
		return Promise.resolve();
	}

	window.mw = window.mediaWiki = {
		config: config,
		messages: messages,
		message: function ( key ) {
			return new Message( key, Array.prototype.slice.call( arguments, 1 ) );
		},
		msg: function () {
			return window.mw.message.apply( null, arguments ).text();
		},
		hook: hook,
		util: util,
		language: {
			getFallbackLanguageChain: function () {
				var code = userLanguage();
				return [ code ].concat( FALLBACKS[ code ] || [], 'en' );
			},
			convertNumber: function ( n ) {
				return String( n );
			},
			// As MediaWiki writes them, for the codes the test page offers: "pt-BR", "zh-Hans".
			bcp47: function ( code ) {
				return String( code ).split( '-' ).map( function ( part, i ) {
					if ( i === 0 ) {
						return part;
					}
					return part.length === 2 ? part.toUpperCase() : part.charAt( 0 ).toUpperCase() + part.slice( 1 );
				} ).join( '-' );
			}
		},
		libs: {},
		notify: notify,
		storage: Object.assign( new SafeStorage( window.localStorage ), {
			session: new SafeStorage( window.sessionStorage )
		} ),
		loader: {
			// No `user` module here: page.js sets the configuration before the gadget loads.
			getState: function ( name ) {
				if ( gadgetModules[ name ] ) {
					return gadgetModules[ name ].state;
				}
				return MODULES.indexOf( name ) === -1 ? null : 'ready';
			},
			using: function ( modules ) {
				var list = [].concat( modules );
				var unknown = list.filter( function ( m ) {
					return MODULES.indexOf( m ) === -1 && !gadgetModules[ m ];
				} );
				if ( unknown.length ) {
					return Promise.reject( new Error( 'Unknown module: ' + unknown.join( ', ' ) ) );
				}
				return Promise.all( list.filter( function ( m ) {
					return gadgetModules[ m ];
				} ).map( loadGadgetModule ) ).then( function () {} );
			},
			load: function ( url, type ) {
				if ( type === 'text/css' ) {
					addTag( 'link', { rel: 'stylesheet', href: url } );
				} else {
					getScript( url );
				}
			},
			getScript: getScript,
			/**
			 * Stand-in only: where the raw text of pages whose title starts with `prefix` is
			 * (mw.util.getUrl with action=raw), e.g. the gadget's pages.
			 *
			 * @param {string} prefix
			 * @param {string} base
			 */
			registerRawPages: function ( prefix, base ) {
				rawPages.push( { prefix: prefix, base: base } );
			},
			/**
			 * Stand-in only: a wiki's ResourceLoader knows its gadgets' modules from their
			 * definitions; here page.js names the files of one.
			 *
			 * @param {string} name
			 * @param {Object} files `script` and `style` URLs
			 */
			registerFiles: function ( name, files ) {
				gadgetModules[ name ] = { state: 'registered', script: files.script, style: files.style };
			}
		}
	};
}() );
