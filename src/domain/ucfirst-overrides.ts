// Wikimedia's $wgOverrideUcfirstCharacters: the characters whose first-letter form MediaWiki takes from this
// table instead of PHP's mb_convert_case( $c, MB_CASE_TITLE ) (Language::ucfirst).
//
// Source: wikimedia/operations-mediawiki-config, wmf-config/UcfirstOverrides.php (included by
// CommonSettings.php), read at 349dc094 (2026-08-13). Its history says why the table is this short:
// - 2019 (T219279): a long table kept PHP 7.2 capitalising like HHVM; removed in October 2021 "after all
//   users and pages with names starting from any of the letters in the overrides file were renamed".
// - 2022 (T292552): the switch from upper case to title case; temporary identity entries for the letters
//   it changed (ǆ, Georgian, ﬁ, ...), then only ß kept, for good.
// - Nov 2024 - May 2025 (T372603, T394556): temporary entries keeping PHP 8.1 (Unicode 14) like PHP 7.4
//   (Unicode 11) until the affected accounts were renamed (T396903); removed again, ß kept.
// Core's resources/src/mediawiki.Title/phpCharToUpper.json is not this table: it is the browser's
// approximation of the server's rule, generated once from the PHP of its day and not since, so it still
// keeps letters (small Cherokee `ꭰ`, Glagolitic, Coptic, ...) that the server capitalises today.
// Account names are made by the server, so the server's rule is the one followed here.

/** Character -> its first-letter form, overriding Unicode's title case. */
export const UCFIRST_OVERRIDES: Readonly<Record<string, string>> = {
  // Often a page title about the letter itself, and a stylised B in usernames (T292552).
  ß: 'ß',
};
