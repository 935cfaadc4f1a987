/**
 * Course staff gadget: the pure part of its languages (no DOM, no `mw`; everything comes in as
 * arguments): the reader's fallback chain, which translations to load, which language each
 * message comes from, the wiki's own messages, and each language's direction. Part of the main
 * module; Node tests load it like core.js (test/gadget/support/core.ts).
 */
/* exported courseStaffLanguages */
var courseStaffLanguages = ( function () {
	'use strict';

	// The languages MediaWiki writes right to left (its languages/messages/Messages*.php with
	// `$rtl = true`), by code; a code not listed is right to left when its base is listed.
	var RTL = [
		'aeb-arab', 'ar', 'arc', 'arq', 'ary', 'arz', 'azb', 'bcc', 'bgn', 'bqi', 'ckb', 'dv', 'en-rtl',
		'fa', 'glk', 'he', 'khw', 'kk-arab', 'kk-cn', 'ks-arab', 'ku-arab', 'lki', 'lrc', 'luz',
		'ms-arab', 'mzn', 'nqo', 'pnb', 'ps', 'sd', 'sdh', 'skr-arab', 'ug-arab', 'ur', 'yi'
	];
	// What a MediaWiki language code may look like (lower case: letters, digits, hyphens).
	var LANGUAGE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/;
	var SOURCE = 'en';

	function own( object, key ) {
		return Object.prototype.hasOwnProperty.call( object, key );
	}

	/**
	 * The languages to take messages from, best first, English last: MediaWiki's fallback chain of
	 * the reader's language (mw.language.getFallbackLanguageChain(), in MediaWiki 1.39 and later),
	 * lower case, each once, English added where missing.
	 *
	 * @param {string[]} mwChain
	 * @return {string[]}
	 */
	function chain( mwChain ) {
		var result = [];
		mwChain.concat( SOURCE ).forEach( function ( c ) {
			var lower = String( c ).toLowerCase();
			if ( LANGUAGE_CODE.test( lower ) && result.indexOf( lower ) === -1 ) {
				result.push( lower );
			}
		} );
		// Nothing after English: every message is there.
		return result.slice( 0, result.indexOf( SOURCE ) + 1 );
	}

	/**
	 * The translations to load for a chain: those the gadget has, up to the first that holds every
	 * message (the rest of the chain would never be used). English is always at hand.
	 *
	 * @param {string[]} languages from chain()
	 * @param {Object} available by code: `{ complete: boolean }`
	 * @return {string[]}
	 */
	function toLoad( languages, available ) {
		var result = [];
		for ( var i = 0; i < languages.length && languages[ i ] !== SOURCE; i++ ) {
			var info = own( available, languages[ i ] ) ? available[ languages[ i ] ] : null;
			if ( info ) {
				result.push( languages[ i ] );
				if ( info.complete ) {
					break;
				}
			}
		}
		return result;
	}

	/**
	 * Each message from the first language of the chain that has it, and the language it came
	 * from; `language` is the one most messages came from (the earlier in the chain on a tie), for
	 * the gadget's own containers.
	 *
	 * @param {string[]} languages from chain()
	 * @param {Object} tables messages by language code; `en` holds every key
	 * @return {Object} `messages` (key: text), `languages` (key: code), `language`
	 */
	function resolve( languages, tables ) {
		var messages = {};
		var from = {};
		var counts = {};
		Object.keys( tables[ SOURCE ] ).forEach( function ( key ) {
			for ( var i = 0; i < languages.length; i++ ) {
				var table = own( tables, languages[ i ] ) ? tables[ languages[ i ] ] : null;
				if ( table && own( table, key ) && typeof table[ key ] === 'string' ) {
					messages[ key ] = table[ key ];
					from[ key ] = languages[ i ];
					counts[ languages[ i ] ] = ( counts[ languages[ i ] ] || 0 ) + 1;
					return;
				}
			}
		} );
		var language = languages.reduce( function ( best, code ) {
			return ( counts[ code ] || 0 ) > ( counts[ best ] || 0 ) ? code : best;
		} );
		return { messages: messages, languages: from, language: language };
	}

	/**
	 * Two tables of messages in one: `over` wins, language by language and key by key.
	 *
	 * @param {Object} base messages by language code
	 * @param {Object} over messages by language code
	 * @return {Object}
	 */
	function merge( base, over ) {
		var result = {};
		Object.keys( base ).concat( Object.keys( over ) ).forEach( function ( code ) {
			result[ code ] = Object.assign( {}, result[ code ], base[ code ], over[ code ] );
		} );
		return result;
	}

	/**
	 * The wiki's own messages (MediaWiki:Gadget-course-staff-messages.json) as far as they are
	 * usable: language codes to objects of the gadget's message keys to text. Anything else is left
	 * out and named in `problems`, so that one mistake costs that entry only.
	 *
	 * @param {*} data the page's JSON
	 * @param {string[]} keys the gadget's message keys
	 * @return {Object} `messages` (by language code), `problems` (strings)
	 */
	function readLocal( data, keys ) {
		var messages = {};
		var problems = [];
		if ( data === null || data === undefined ) {
			return { messages: messages, problems: problems };
		}
		if ( typeof data !== 'object' || Array.isArray( data ) ) {
			return { messages: messages, problems: [ 'not an object of languages' ] };
		}
		Object.keys( data ).forEach( function ( code ) {
			var table = data[ code ];
			var lower = code.toLowerCase();
			if ( !LANGUAGE_CODE.test( lower ) || !table || typeof table !== 'object' || Array.isArray( table ) ) {
				problems.push( code );
				return;
			}
			Object.keys( table ).forEach( function ( key ) {
				if ( keys.indexOf( key ) === -1 || typeof table[ key ] !== 'string' ) {
					problems.push( code + '.' + key );
				} else {
					messages[ lower ] = messages[ lower ] || {};
					messages[ lower ][ key ] = table[ key ];
				}
			} );
		} );
		return { messages: messages, problems: problems };
	}

	/**
	 * The direction a language is written in.
	 *
	 * @param {string} code
	 * @return {string} `rtl` or `ltr`
	 */
	function direction( code ) {
		var lower = String( code ).toLowerCase();
		return RTL.indexOf( lower ) !== -1 || RTL.indexOf( lower.split( '-' )[ 0 ] ) !== -1 ? 'rtl' : 'ltr';
	}

	return {
		SOURCE: SOURCE,
		chain: chain,
		toLoad: toLoad,
		resolve: resolve,
		merge: merge,
		readLocal: readLocal,
		direction: direction
	};
}() );
