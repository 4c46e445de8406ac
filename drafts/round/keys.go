package round

import (
	"crypto/ed25519"
	"sync"

	"statute/drafts"
	"statute/drafts/keys"
)

// Who a laptop is. A store that holds a key pair (drafts.Identity) belongs
// to that role: a chamber's laptop writes that chamber's amendments only
// and never decides; the federation's decides and consolidates only once
// its key is unlocked with its passphrase for the session (Unlock), so
// that a lost laptop does not let its finder decide as the federation. A
// store without a key pair works as before keys existed: whoever acts,
// as the front-end says.

var (
	msgLaptopOf = drafts.NewMessage("round.laptop-of",
		"this laptop holds the key of %s: it writes that chamber's amendments only, not those of %s")
	msgNotFederationLaptop = drafts.NewMessage("round.not-federation-laptop",
		"this laptop holds the key of %s, not the federation's: only the federation's laptop decides and consolidates")
	msgKeyLocked = drafts.NewMessage("round.key-locked",
		"the federation's key is locked: enter its passphrase to decide, consolidate or sign")
	msgNoKey = drafts.NewMessage("round.no-key",
		"this laptop has no key pair yet: choose its role (and a passphrase) first")
)

// session keeps the private key unlocked for the session.
type session struct {
	mu   sync.Mutex
	id   *drafts.Identity
	priv ed25519.PrivateKey
}

// Identity is the store's key pair, or nil when it has none.
func (r *Round) Identity() (*drafts.Identity, error) {
	id, err := r.store.Identity()
	if drafts.IsKind(err, drafts.NotFound) {
		return nil, nil
	}
	return id, err
}

// Unlock opens the store's private key with passphrase and keeps it for
// the session (until Lock). NotFound: the store has no key pair.
// Forbidden: the passphrase is wrong. Invalid: the key is damaged.
func (r *Round) Unlock(passphrase []byte) error {
	id, err := r.Identity()
	if err != nil {
		return err
	}
	if id == nil {
		return msgNoKey.Err(drafts.NotFound)
	}
	priv, err := keys.Open(id, passphrase)
	if err != nil {
		return err
	}
	r.key.mu.Lock()
	defer r.key.mu.Unlock()
	r.key.id, r.key.priv = id, priv
	return nil
}

// Lock forgets the unlocked key.
func (r *Round) Lock() {
	r.key.mu.Lock()
	defer r.key.mu.Unlock()
	r.key.id, r.key.priv = nil, nil
}

// Key returns the store's key pair, unlocked. NotFound: the store has no
// key pair. Forbidden: it is locked (Unlock first), or the store's key
// pair changed since it was unlocked.
func (r *Round) Key() (*drafts.Identity, ed25519.PrivateKey, error) {
	id, err := r.Identity()
	if err != nil {
		return nil, nil, err
	}
	if id == nil {
		return nil, nil, msgNoKey.Err(drafts.NotFound)
	}
	r.key.mu.Lock()
	defer r.key.mu.Unlock()
	if r.key.id == nil || !drafts.SameKey(r.key.id.Public, id.Public) {
		return nil, nil, msgKeyLocked.Err(drafts.Forbidden)
	}
	return id, r.key.priv, nil
}

// IsLocked reports an error that asks for the passphrase: the action
// goes ahead once the key is unlocked.
func IsLocked(err error) bool {
	e, ok := err.(*drafts.Error)
	return ok && e.ID == msgKeyLocked.ID
}

// mayAct checks that this laptop may act as by: a chamber's laptop as
// that chamber only; the federation's as the federation once unlocked,
// and for any chamber (the staff record amendments that came on paper).
func (r *Round) mayAct(by drafts.Chamber) error {
	id, err := r.Identity()
	if err != nil || id == nil {
		return err
	}
	switch {
	case by.Code == drafts.FederationCode && id.Role != drafts.FederationCode:
		return msgNotFederationLaptop.Err(drafts.Forbidden, id.Role)
	case by.Code == drafts.FederationCode:
		_, _, err := r.Key()
		return err
	case id.Role != drafts.FederationCode && id.Role != by.Code:
		return msgLaptopOf.Err(drafts.Forbidden, id.Role, by.Code)
	}
	return nil
}
