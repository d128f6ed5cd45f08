package org.citygrid.api.testkit

import org.citygrid.api.accounts.Account
import org.citygrid.api.accounts.AccountRepository
import org.citygrid.api.accounts.RefreshTokens
import org.citygrid.model.cases.Role

import java.time.Instant

/** The accounts' stores as plain maps, for specs of the account services on plain objects. */
class InMemoryAccounts {

    static class Accounts implements AccountRepository {
        final Map<String, Account> byId = [:]
        final Map<String, Instant> validAfter = [:]

        Optional<Account> byUsername(String username) { Optional.ofNullable(byId.values().find { it.username() == username }) }

        Optional<Account> byId(String id) { Optional.ofNullable(byId[id]) }

        boolean anyWithRole(Role role) { byId.values().any { it.role() == role } }

        List<String> handlersOf(String department) { [] }

        List<String> workersCovering(String gridCode) { [] }

        boolean insert(Account a, Instant now) {
            if (byUsername(a.username()).present) {
                return false
            }
            byId[a.id()] = a
            true
        }

        Optional<AccountRepository.Standing> standing(String id) {
            byId(id).map { new AccountRepository.Standing(it.disabled(), validAfter[id]) }
        }

        boolean disable(String id, Instant now) {
            Account a = byId[id]
            if (a == null) {
                return false
            }
            byId[id] = copy(a, true)
            validAfter[id] = now
            true
        }

        boolean enable(String id) {
            Account a = byId[id]
            if (a == null) {
                return false
            }
            byId[id] = copy(a, false)
            true
        }

        private static Account copy(Account a, boolean disabled) {
            new Account(a.id(), a.username(), a.passwordHash(), a.role(), a.displayName(), a.department(),
                    a.communityCode(), a.gridCodes(), disabled)
        }
    }

    static class Tokens implements RefreshTokens {
        final Map<String, RefreshTokens.Issued> bySha = [:]

        void insert(RefreshTokens.Issued token) { bySha[token.tokenSha256()] = token }

        Optional<RefreshTokens.Issued> find(String sha) { Optional.ofNullable(bySha[sha]) }

        synchronized boolean rotate(String oldSha, RefreshTokens.Issued next, Instant now) {
            def old = bySha[oldSha]
            if (old == null || old.replacedAt() != null || old.revoked()) {
                return false
            }
            bySha[oldSha] = new RefreshTokens.Issued(old.tokenSha256(), old.accountId(), old.familyId(), old.issuedAt(),
                    old.expiresAt(), now, false)
            insert(next)
            true
        }

        void revokeFamily(String familyId) { revokeWhere { it.familyId() == familyId } }

        void revokeAll(String accountId) { revokeWhere { it.accountId() == accountId } }

        private void revokeWhere(Closure<Boolean> which) {
            bySha.replaceAll { sha, t ->
                which(t) ? new RefreshTokens.Issued(t.tokenSha256(), t.accountId(), t.familyId(), t.issuedAt(),
                        t.expiresAt(), t.replacedAt(), true) : t
            }
        }
    }
}
