package exchange

import (
	"fmt"
	"time"

	"statute/drafts"
	"statute/drafts/round"
)

var msgNothingToSend = drafts.NewMessage("exchange.nothing-to-send",
	"%s has no submitted or withdrawn amendment to draft %s yet: submit amendments first, then make the package")

// Pack makes this laptop's package for draft draftID (the draft imported
// last when ""), signed with its key, which must be unlocked (r.Key): the
// federation's holds every version of the draft, the whole decision log
// and the federation's own amendments; a chamber's holds its submitted and
// withdrawn amendments to the draft. It returns the file's bytes and a
// name for it. NotFound: no key pair, or no such draft. Forbidden: the key
// is locked. Invalid: a chamber has nothing to send.
func Pack(r *round.Round, draftID string, now time.Time) ([]byte, string, error) {
	id, priv, err := r.Key()
	if err != nil {
		return nil, "", err
	}
	s := r.Store()
	var d *drafts.Draft
	if draftID == "" {
		d, err = s.LatestDraft()
	} else {
		d, err = s.Draft(drafts.NormalizeID(draftID))
	}
	if err != nil {
		return nil, "", err
	}
	b := &Body{From: id.Role, Made: now.UTC(), DraftID: d.ID, Version: d.Version}
	if id.Role == drafts.FederationCode {
		b.Kind = KindDraft
		for v := 1; v <= d.Version; v++ {
			dv := d
			if v < d.Version {
				if dv, err = s.DraftVersion(d.ID, v); err != nil {
					return nil, "", err
				}
			}
			b.Drafts = append(b.Drafts, *dv)
		}
		if b.Decisions, err = s.Decisions(drafts.DecisionFilter{}); err != nil {
			return nil, "", err
		}
	} else {
		b.Kind = KindAmendments
	}
	as, err := s.Amendments(drafts.AmendmentFilter{DraftID: d.ID, Chamber: id.Role})
	if err != nil {
		return nil, "", err
	}
	for _, a := range as {
		if rev := Revision(a.Status); rev > 0 {
			b.Amendments = append(b.Amendments, Item{Revision: rev, Amendment: a})
		}
	}
	if b.Kind == KindAmendments && len(b.Amendments) == 0 {
		return nil, "", msgNothingToSend.Err(drafts.Invalid, id.Role, d.ID)
	}
	data, err := Seal(b, priv)
	if err != nil {
		return nil, "", err
	}
	return data, FileName(b), nil
}

// FileName is the name a package is saved under: who made it, for which
// draft and version, and when, so that a folder of them sorts and reads.
func FileName(b *Body) string {
	return fmt.Sprintf("%s-%s-v%d-%s%s", b.From, b.DraftID, b.Version, b.Made.UTC().Format("20060102-150405"), Ext)
}
