package exchange

import (
	"statute/drafts"
	"statute/drafts/keys"
)

// Who a laptop is, and whom it trusts: the operations on the store's key
// pair and register that both front-ends call.

var (
	msgSameRole = drafts.NewMessage("exchange.same-role",
		"this laptop already holds the key of %s (fingerprint %s): nothing to do")
	msgRoleChange = drafts.NewMessage("exchange.role-change",
		"this laptop holds the key of %s; taking the role of %s makes a new key pair: packages will be signed as %s, and the other side must register the new key before it accepts them. Confirm to go ahead")
	msgLeaveFederation = drafts.NewMessage("exchange.leave-federation",
		"this laptop holds the federation's key; taking the role of %s replaces it on this laptop: keep the federation's key backup first, or the federation can no longer decide here. Confirm to go ahead")
	msgFederationNeedsKey = drafts.NewMessage("exchange.federation-needs-key",
		"this laptop holds the key of %s: the federation's role is taken only with the federation's own key, from its protected backup file")
	msgBackupRoleChange = drafts.NewMessage("exchange.backup-role-change",
		"this laptop holds the key of %s; the backup holds the key of %s, which will replace it here. Confirm to go ahead")
	msgOwnKey = drafts.NewMessage("exchange.own-key",
		"this is this laptop's own key: register the other side's key")
	msgTrustRole = drafts.NewMessage("exchange.trust-role",
		"a chamber registers the federation's key only, and the federation the chambers': this key is of %s")
)

// NeedsConfirmation reports a refusal that a person may override by
// confirming what it says (a change of role).
func NeedsConfirmation(err error) bool {
	e, ok := err.(*drafts.Error)
	return ok && (e.ID == msgRoleChange.ID || e.ID == msgLeaveFederation.ID || e.ID == msgBackupRoleChange.ID)
}

// MakeKey makes a key pair for role, sealed under passphrase, and makes it
// the laptop's. A laptop without one takes any role; one with a key pair
// changes role only when confirmed (the sentence of the refusal says what
// it means), and never to the federation's: that role is taken with the
// federation's key (ImportKey). Conflict: confirmation needed, or the
// laptop already holds role's key. Forbidden: the federation's role.
// Invalid: the passphrase is too short, or role is unknown.
func MakeKey(s drafts.Store, role string, passphrase []byte, confirmed bool) (*drafts.Identity, error) {
	c, err := drafts.ChamberByCode(role)
	if err != nil {
		return nil, err
	}
	cur, err := s.Identity()
	switch {
	case drafts.IsKind(err, drafts.NotFound):
		cur = nil
	case err != nil:
		return nil, err
	}
	if cur != nil {
		switch {
		case cur.Role == c.Code:
			return nil, msgSameRole.Err(drafts.Conflict, c.Code, keys.Fingerprint(cur.Public))
		case c.Code == drafts.FederationCode:
			return nil, msgFederationNeedsKey.Err(drafts.Forbidden, cur.Role)
		case !confirmed && cur.Role == drafts.FederationCode:
			return nil, msgLeaveFederation.Err(drafts.Conflict, c.Code)
		case !confirmed:
			return nil, msgRoleChange.Err(drafts.Conflict, cur.Role, c.Code, c.Code)
		}
	}
	id, _, err := keys.New(c.Code, passphrase, keys.DefaultParams)
	if err != nil {
		return nil, err
	}
	if err := s.SetIdentity(id); err != nil {
		return nil, err
	}
	return id, nil
}

// ImportKey makes the key pair of a protected backup file (keys.
// MarshalBackup) the laptop's, once passphrase opens it: how the
// federation's key moves to a new laptop. A laptop that holds another
// key pair takes it only when confirmed. Forbidden: wrong passphrase.
// Invalid: not a key backup. Conflict: confirmation needed, or the laptop
// holds that key already.
func ImportKey(s drafts.Store, backup, passphrase []byte, confirmed bool) (*drafts.Identity, error) {
	id, err := keys.ParseBackup(backup)
	if err != nil {
		return nil, err
	}
	if _, err := keys.Open(id, passphrase); err != nil {
		return nil, err
	}
	cur, err := s.Identity()
	switch {
	case drafts.IsKind(err, drafts.NotFound):
	case err != nil:
		return nil, err
	case drafts.SameKey(cur.Public, id.Public):
		return nil, msgSameRole.Err(drafts.Conflict, cur.Role, keys.Fingerprint(cur.Public))
	case !confirmed:
		return nil, msgBackupRoleChange.Err(drafts.Conflict, cur.Role, id.Role)
	}
	if err := s.SetIdentity(id); err != nil {
		return nil, err
	}
	return id, nil
}

// Trust registers the other side's public key pub for role: a chamber's
// laptop the federation's, the federation's a chamber's. A role that has a
// key gets a new one only with replace (a chamber's new laptop), recorded
// with note. Conflict: the key is registered already, or the role has
// another and replace is not given. Invalid: it is this laptop's own key,
// or of a role this laptop does not register.
func Trust(s drafts.Store, role string, pub []byte, how string, replace bool, note string) (*drafts.TrustedKey, error) {
	c, err := drafts.ChamberByCode(role)
	if err != nil {
		return nil, err
	}
	id, err := s.Identity()
	switch {
	case drafts.IsKind(err, drafts.NotFound):
		id = nil
	case err != nil:
		return nil, err
	}
	if id != nil {
		if drafts.SameKey(id.Public, pub) {
			return nil, msgOwnKey.Err(drafts.Invalid)
		}
		if (id.Role == drafts.FederationCode) == (c.Code == drafts.FederationCode) {
			return nil, msgTrustRole.Err(drafts.Invalid, c.Code)
		}
	}
	k := &drafts.TrustedKey{Role: c.Code, Public: pub, How: how}
	if replace {
		reg, err := s.Register()
		if err != nil {
			return nil, err
		}
		if cur, ok := drafts.CurrentKeys(reg)[c.Code]; ok {
			k.Replaces, k.Note = cur.Public, note
		}
	}
	if err := s.Trust(k); err != nil {
		return nil, err
	}
	return k, nil
}
