/**
 * Course staff gadget: its messages in the reader's language. English is in the main module;
 * each other language is a page of its own (MediaWiki:Gadget-course-staff-i18n-<code>.js, built
 * from gadget/i18n), of which only those of the reader's fallback chain are loaded; the wiki's
 * own messages (MediaWiki:Gadget-course-staff-messages.json, a page of the main gadget) win over
 * the gadget's in their language. Part of the main module. GADGET.md: "Languages".
 */
/* global courseStaffLanguages, courseStaffEnglish, courseStaffTranslations */
/* exported courseStaffI18n */
var courseStaffI18n = ( function ( languages, english, translations ) {
	'use strict';

	// The wiki's own messages: a JSON page of the main gadget, which is a ResourceLoader package.
	var LOCAL_PAGE = 'course-staff-messages.json';

	/**
	 * The wiki's own messages, as the page holds them; null where the wiki has no such page, or
	 * where the main module is not the wiki's gadget (a personal-script installation).
	 *
	 * @return {*}
	 */
	function localData() {
		if ( typeof require !== 'function' ) {
			return null;
		}
		try {
			return require( './' + LOCAL_PAGE );
		} catch ( e ) {
			// No such page on this wiki: ResourceLoader leaves the file out of the package.
			return null;
		}
	}

	/**
	 * The messages of one translation, from its page (once a page view).
	 *
	 * @param {string} code
	 * @param {Function} fileUrl the URL of one of the gadget's files, by name
	 * @return {Promise<Object>}
	 */
	function loadTranslation( code, fileUrl ) {
		var loaded = mw.libs.courseStaffMessages = mw.libs.courseStaffMessages || {};
		if ( loaded[ code ] ) {
			return Promise.resolve( loaded[ code ] );
		}
		var url = fileUrl( 'course-staff-i18n-' + code + '.js' );
		// The translation's version: a new one is a new URL, so browsers and the wiki's caches may
		// keep each as long as they like.
		url += ( url.indexOf( '?' ) === -1 ? '?' : '&' ) + 'version=' + translations[ code ].version;
		return Promise.resolve( mw.loader.getScript( url ) ).then( function () {
			if ( !loaded[ code ] ) {
				throw new Error( url + ' holds no messages in ' + code );
			}
			return loaded[ code ];
		} );
	}

	/**
	 * Sets the messages (mw.messages) in the reader's language, each from the first language of
	 * their fallback chain that has it; a translation that cannot be loaded, or the wiki's messages
	 * in part, cost one console warning and fall back.
	 *
	 * @param {Function} fileUrl the URL of one of the gadget's files, by name
	 * @param {Function} warn
	 * @return {Promise<Object>} never rejected: `resolved` (from courseStaffLanguages.resolve),
	 *  `locales` (the chain as BCP 47 tags, for dates)
	 */
	function load( fileUrl, warn ) {
		var chain = languages.chain( mw.language.getFallbackLanguageChain() );
		var local = languages.readLocal( localData(), Object.keys( english ) );
		if ( local.problems.length ) {
			warn( 'MediaWiki:Gadget-' + LOCAL_PAGE + ': left out ' + local.problems.join( ', ' ) );
		}
		var codes = languages.toLoad( chain, translations );
		return Promise.all( codes.map( function ( code ) {
			return loadTranslation( code, fileUrl ).then( null, function ( err ) {
				warn( err );
				return null;
			} );
		} ) ).then( function ( loaded ) {
			var tables = {};
			tables[ languages.SOURCE ] = english;
			codes.forEach( function ( code, i ) {
				if ( loaded[ i ] ) {
					tables[ code ] = loaded[ i ];
				}
			} );
			var resolved = languages.resolve( chain, languages.merge( tables, local.messages ) );
			mw.messages.set( resolved.messages );
			return {
				resolved: resolved,
				locales: chain.map( mw.language.bcp47 )
			};
		} );
	}

	return { load: load };
}( courseStaffLanguages, courseStaffEnglish, courseStaffTranslations ) );
