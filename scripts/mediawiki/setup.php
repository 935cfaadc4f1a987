<?php
/**
 * Fills the throwaway test wiki in one process (test/gadget/support/mediawiki.ts): accounts with
 * their password, groups, preferences and bot password, then pages, then edits by named users (so
 * that Recent changes, histories, diffs, logs and new pages show them), then watchlist entries.
 * Reads a JSON spec on stdin:
 *   { "accounts": [ { "name", "password"?, "groups"?, "options"?, "botPassword"?: { "appId",
 *     "password", "grants" } } ], "pages": { "<title>": "<text>" },
 *     "edits"?: [ { "user", "title", "text", "summary"? } ], "watch"?: [ { "user", "title" } ] }
 * An edit's user is an existing account, or an IP address (an edit without an account).
 * Run with MW_INSTALL_PATH (the MediaWiki code) and MW_CONFIG_FILE (the wiki's LocalSettings.php).
 */

use MediaWiki\Auth\AuthManager;
use MediaWiki\MediaWikiServices;
use MediaWiki\Revision\SlotRecord;

require_once getenv( 'MW_INSTALL_PATH' ) . '/maintenance/Maintenance.php';

class SetupTestWiki extends Maintenance {
	public function execute() {
		$spec = json_decode( $this->getStdin( Maintenance::STDIN_ALL ), true, 64, JSON_THROW_ON_ERROR );
		$services = MediaWikiServices::getInstance();
		foreach ( $spec['accounts'] as $account ) {
			$this->createAccount( $services, $account );
		}
		$author = User::newSystemUser( 'Test wiki setup', [ 'steal' => true ] );
		foreach ( $spec['pages'] ?? [] as $title => $text ) {
			$this->savePage( $services, $author, $title, $text, 'Test wiki setup' );
		}
		foreach ( $spec['edits'] ?? [] as $edit ) {
			$user = $services->getUserNameUtils()->isIP( $edit['user'] ) ?
				User::newFromName( $edit['user'], false ) : User::newFromName( $edit['user'] );
			if ( !$user || ( !$user->isRegistered() && !$user->isAnon() ) ) {
				$this->fatalError( "No such editor: {$edit['user']}" );
			}
			$this->savePage( $services, $user, $edit['title'], $edit['text'], $edit['summary'] ?? 'Test edit' );
		}
		foreach ( $spec['watch'] ?? [] as $watch ) {
			$services->getWatchlistManager()->addWatchIgnoringRights(
				User::newFromName( $watch['user'] ), Title::newFromText( $watch['title'] )
			);
		}
	}

	private function createAccount( MediaWikiServices $services, array $account ): void {
		$user = User::newFromName( $account['name'] );
		if ( !$user ) {
			$this->fatalError( "Invalid username: {$account['name']}" );
		}
		$this->check( $services->getAuthManager()->autoCreateUser(
			$user, AuthManager::AUTOCREATE_SOURCE_MAINT, false
		), $account['name'] );
		if ( isset( $account['password'] ) ) {
			$this->check( $user->changeAuthenticationData( [
				'username' => $user->getName(),
				'password' => $account['password'],
				'retype' => $account['password'],
			] ), "password of {$account['name']}" );
		}
		$services->getUserGroupManager()->addUserToMultipleGroups( $user, $account['groups'] ?? [] );
		$options = $services->getUserOptionsManager();
		foreach ( $account['options'] ?? [] as $name => $value ) {
			$options->setOption( $user, $name, $value );
		}
		$options->saveOptions( $user );
		if ( isset( $account['botPassword'] ) ) {
			$bot = $account['botPassword'];
			$botPassword = BotPassword::newUnsaved( [
				'username' => $user->getName(),
				'appId' => $bot['appId'],
				'grants' => $bot['grants'],
			] );
			$this->check( $botPassword->save(
				'insert', $services->getPasswordFactory()->newFromPlaintext( $bot['password'] )
			), "bot password of {$account['name']}" );
		}
	}

	private function savePage(
		MediaWikiServices $services, User $author, string $title, string $text, string $summary
	): void {
		$target = Title::newFromText( $title );
		if ( !$target ) {
			$this->fatalError( "Invalid title: $title" );
		}
		$updater = $services->getWikiPageFactory()->newFromTitle( $target )->newPageUpdater( $author );
		$updater->setContent( SlotRecord::MAIN, ContentHandler::makeContent( $text, $target ) );
		$updater->saveRevision( CommentStoreComment::newUnsavedComment( $summary ) );
		$this->check( $updater->getStatus(), $title );
	}

	private function check( StatusValue $status, string $what ): void {
		if ( !$status->isOK() ) {
			$this->fatalError( "$what: " . Status::wrap( $status )->getWikiText( false, false, 'en' ) );
		}
	}
}

$maintClass = SetupTestWiki::class;
require_once RUN_MAINTENANCE_IF_MAIN;
