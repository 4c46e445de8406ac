// Package exchange carries the round between laptops that never talk to
// each other directly: the federation's draft travels to the chambers,
// and their amendments travel back, as signed package files — on a USB
// stick, by e-mail, or through a folder a sync engine keeps the same
// everywhere (Watch). Nobody can forge a chamber's amendments, alter a
// package on the way, or have the same one taken in twice.
//
// # Who signs
//
// Each laptop has an Ed25519 key pair for its role (drafts.Identity, made
// and sealed by drafts/keys). The federation registers each chamber's
// public key, and each chamber the federation's (drafts.TrustedKey), from
// the other side's public-key file or, on first contact, after a person
// compared fingerprints and confirmed. A package is taken in only when it
// is signed by the key registered for the role it claims to come from.
//
// # The file
//
// A package (extension .statpkg, at most MaxSize bytes) is three lines of
// UTF-8, each ending with a line feed:
//
//	Statute Workbench package 1
//	BODY
//	signature: SIG
//
// SIG is the standard base64 (with padding) of the Ed25519 signature, by
// the key the body names, of the first two lines, their line feeds
// included: every byte before "signature: ". Nothing may follow the third
// line.
//
// BODY is one JSON object, written in one canonical form: compact (no
// space outside strings), its members in the order below, strings with
// JSON's escapes only where required (no HTML escaping: « », < and & are
// written as they are), byte strings in standard base64, times in RFC 3339
// in UTC with as many fraction digits as they need (none for a whole
// second). A reader decodes the body, refusing unknown members, encodes
// it again and refuses it unless the bytes are the same, so that one
// content has one file and a package edited by hand is refused even where
// a signature would not be checked. The members:
//
//	format      "statute-package/1"; a later format changes it
//	kind        "draft" (the federation's) or "amendments" (a chamber's)
//	from        the signer's role: a chamber code, or "FED"
//	key         the signer's Ed25519 public key (32 bytes)
//	made        when the package was made, by the signer's clock
//	draft_id    the draft it is about
//	version     the latest version of that draft the signer holds
//	drafts      (draft) every version of the draft, from 1, each a
//	            drafts.Draft as the federation stores it: its articles,
//	            divisions, and the sources of a consolidated version
//	decisions   (draft) the federation's whole decision log, each entry a
//	            drafts.Decision with its Seq, Prev and Hash, so that the
//	            chain is checked again on arrival
//	amendments  (amendments) the chamber's submitted and withdrawn
//	            amendments to the draft; (draft) the federation's own,
//	            which its decisions name. Each is a drafts.Amendment with
//	            one more member first, "revision": 1 submitted,
//	            2 withdrawn (Revision)
//
// Empty lists are left out. Every amendment of a chamber's package must
// be that chamber's, and of the draft named.
//
// # Taking a package in
//
// Import refuses the whole package, writing nothing, when it is not a
// package or was altered, is signed by a key not registered for its role
// (unknown, another chamber's, a replaced one), is not for this laptop
// (amendments go to the federation, the draft to the chambers), amends a
// draft this laptop does not hold, or was made on a version newer than
// it holds. Otherwise each amendment is new, updated (withdrawn since),
// unchanged (the same revision, or an older one: a newer is never
// replaced), or refused on its own line (its article is not in its
// version, it differs from the one received before, or it was withdrawn
// after the federation decided on it). Amendments made on an older
// version than the federation's latest come in, flagged as stale. What
// comes in is written in one transaction (drafts.Store.Receive) after the
// store's automatic backup, with a record of the package: the same
// package taken in again, or an older one that brings nothing, changes
// nothing.
//
// On a chamber's laptop, a draft package brings the versions it lacks
// (those it holds must be the same), the federation's amendments, and the
// decision log's new entries, as they are: the chamber sees what became
// of its amendments.
package exchange
