<?php
// The throwaway test wiki's settings (test/gadget/support/mediawiki.ts), on top of what
// install.php wrote: LocalSettings.php requires this file.

// One cache for the web server and the maintenance scripts alike (the wiki's SQLite files), so
// that what one writes the other sees at once.
$wgMainCacheType = CACHE_DB;
$wgMessageCacheType = CACHE_DB;
$wgParserCacheType = CACHE_DB;
$wgSessionCacheType = CACHE_DB;

// Readers' own common.js, and bot passwords for the deploy tool, as on Wikimedia wikis.
$wgAllowUserJs = true;
$wgAllowUserCss = true;
$wgEnableBotPasswords = true;

// PHP's built-in server has no rewrite rules: index.php?title=… URLs.
$wgUsePathInfo = false;
// No job runs on page views: the tests need none, and each would cost the server a request.
$wgJobRunRate = 0;
$wgDefaultSkin = 'vector-2022';
// The package has no /favicon.ico: a browser's first page view of the wiki would log its 404.
$wgFavicon = "$wgResourceBasePath/resources/assets/change-your-logo-icon.svg";
$wgShowExceptionDetails = true;
