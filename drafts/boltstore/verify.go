package boltstore

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// bbolt trusts its file: a damaged page makes it index out of range, fault
// on memory past the end of the file, or recurse forever through a page that
// points at itself, and the last two end the process whatever recover does.
// So before bbolt reads anything beyond the meta pages, checkPages walks the
// file's page tree itself, reading with ReadAt, and refuses it unless every
// page bbolt could reach is inside the file, of the right type, with its
// elements inside it, and reached once, and every key is non-empty and in
// order (bbolt asserts the one, and panics at commit without the other). The constants mirror bbolt's file
// format (version 2), which has not changed since 2014.
const (
	pageHeaderSize = 16 // id uint64, flags uint16, count uint16, overflow uint32
	elementSize    = 16 // branch: pos, ksize uint32, pgid uint64; leaf: flags, pos, ksize, vsize uint32
	bucketHeader   = 16 // root pgid uint64, sequence uint64

	branchPage   = 0x01
	leafPage     = 0x02
	freelistPage = 0x10
	bucketLeaf   = 0x01

	boltMagic   = 0xED0CDAED
	boltVersion = 2
	metaSize    = 64 // the meta fields, checksum included, after the page header
	noFreelist  = ^uint64(0)

	maxDepth = 64 // of trees and nested buckets; ours are a few levels deep
)

// bbolt writes its structures in the machine's byte order.
var native = binary.NativeEndian

// errDamaged says the file is not a sound bbolt database; Open turns it into
// the user's sentence.
var errDamaged = errors.New("damaged bbolt file")

func damaged(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errDamaged, fmt.Sprintf(format, args...))
}

// boltMeta is the part of a meta page the walk needs.
type boltMeta struct {
	pageSize uint32
	root     uint64
	freelist uint64
	hwm      uint64 // the high-water mark: pages at or above it are unused
	txid     uint64
}

func readMeta(f *os.File, off int64) (boltMeta, bool) {
	var b [pageHeaderSize + metaSize]byte
	if _, err := f.ReadAt(b[:], off); err != nil {
		return boltMeta{}, false
	}
	m := b[pageHeaderSize:]
	h := fnv.New64a()
	if _, err := h.Write(m[:56]); err != nil {
		return boltMeta{}, false
	}
	if native.Uint32(m[0:]) != boltMagic || native.Uint32(m[4:]) != boltVersion || native.Uint64(m[56:]) != h.Sum64() {
		return boltMeta{}, false
	}
	return boltMeta{
		pageSize: native.Uint32(m[8:]),
		root:     native.Uint64(m[16:]),
		freelist: native.Uint64(m[32:]),
		hwm:      native.Uint64(m[40:]),
		txid:     native.Uint64(m[48:]),
	}, true
}

// currentMeta picks the meta page bbolt uses: the valid one with the higher
// transaction ID.
func currentMeta(f *os.File, pageSize int) (boltMeta, error) {
	m0, ok0 := readMeta(f, 0)
	m1, ok1 := readMeta(f, int64(pageSize))
	switch {
	case ok0 && ok1 && m1.txid > m0.txid, !ok0 && ok1:
		return m1, nil
	case ok0:
		return m0, nil
	}
	return boltMeta{}, damaged("no valid meta page")
}

type pageWalk struct {
	f        *os.File
	pageSize uint64
	hwm      uint64
	seen     []bool // pages reached so far, overflow included
	// bufs[d] holds the page being read at depth d of the walk; a page's
	// children are all deeper, so each buffer serves a whole level.
	bufs [maxDepth + 2][]byte
}

// checkPages walks every page reachable from the meta page bbolt uses.
func checkPages(f *os.File, pageSize int) error {
	info, err := f.Stat()
	if err != nil {
		return err
	}
	m, err := currentMeta(f, pageSize)
	if err != nil {
		return err
	}
	ps := uint64(pageSize)
	if uint64(m.pageSize) != ps || ps < 512 || ps&(ps-1) != 0 {
		return damaged("page size %d", m.pageSize)
	}
	if m.hwm < 3 || m.hwm > uint64(info.Size())/ps {
		return damaged("the file holds %d bytes, its pages need %d×%d: truncated", info.Size(), m.hwm, ps)
	}
	w := &pageWalk{f: f, pageSize: ps, hwm: m.hwm, seen: make([]bool, m.hwm)}
	w.seen[0], w.seen[1] = true, true
	if err := w.tree(m.root, 0, nil, nil); err != nil {
		return err
	}
	if m.freelist != noFreelist {
		return w.freelist(m.freelist)
	}
	return nil
}

// page reads page id with its overflow pages into the buffer of depth, and
// marks them reached.
func (w *pageWalk) page(id uint64, depth int) ([]byte, error) {
	if id < 2 || id >= w.hwm {
		return nil, damaged("page %d is out of range", id)
	}
	var h [pageHeaderSize]byte
	if _, err := w.f.ReadAt(h[:], int64(id*w.pageSize)); err != nil {
		return nil, damaged("page %d: %v", id, err)
	}
	if got := native.Uint64(h[0:]); got != id {
		return nil, damaged("page %d calls itself %d", id, got)
	}
	last := id + uint64(native.Uint32(h[12:]))
	if last >= w.hwm {
		return nil, damaged("page %d overflows past the end", id)
	}
	for p := id; p <= last; p++ {
		if w.seen[p] {
			return nil, damaged("page %d is reached twice", p)
		}
		w.seen[p] = true
	}
	n := int((last - id + 1) * w.pageSize)
	if cap(w.bufs[depth]) < n {
		w.bufs[depth] = make([]byte, n)
	}
	buf := w.bufs[depth][:n]
	if _, err := w.f.ReadAt(buf, int64(id*w.pageSize)); err != nil && !errors.Is(err, io.EOF) {
		return nil, damaged("page %d: %v", id, err)
	}
	return buf, nil
}

// tree checks the tree rooted at page id, whose keys must all lie in
// [lo, hi); nil bounds are open.
func (w *pageWalk) tree(id uint64, depth int, lo, hi []byte) error {
	if depth > maxDepth {
		return damaged("page tree deeper than %d", maxDepth)
	}
	p, err := w.page(id, depth)
	if err != nil {
		return err
	}
	switch native.Uint16(p[8:]) {
	case branchPage:
		n := int(native.Uint16(p[10:]))
		if n == 0 {
			return damaged("branch page %d is empty", id)
		}
		keys, err := w.keys(p, branchPage, lo, hi)
		if err != nil {
			return damaged("branch page %d: %v", id, err)
		}
		for i := range n {
			next := hi
			if i+1 < n {
				next = keys[i+1]
			}
			child := native.Uint64(p[pageHeaderSize+i*elementSize+8:])
			if err := w.tree(child, depth+1, keys[i], next); err != nil {
				return err
			}
		}
		return nil
	case leafPage:
		return w.leaf(p, depth, lo, hi)
	}
	return damaged("page %d has type %#x where a branch or leaf was due", id, native.Uint16(p[8:]))
}

// keys returns the keys of a branch or leaf page after checking that its
// elements lie inside it and its keys are non-empty, ascending and in
// [lo, hi).
func (w *pageWalk) keys(p []byte, kind uint16, lo, hi []byte) ([][]byte, error) {
	n := int(native.Uint16(p[10:]))
	if pageHeaderSize+n*elementSize > len(p) {
		return nil, fmt.Errorf("%d elements overflow the page", n)
	}
	keys := make([][]byte, n)
	for i := range n {
		off := pageHeaderSize + i*elementSize
		e := p[off:]
		var pos, ksize, vsize uint64
		if kind == branchPage {
			pos, ksize = uint64(native.Uint32(e[0:])), uint64(native.Uint32(e[4:]))
		} else {
			pos, ksize, vsize = uint64(native.Uint32(e[4:])), uint64(native.Uint32(e[8:])), uint64(native.Uint32(e[12:]))
		}
		start := uint64(off) + pos
		if ksize == 0 || start+ksize+vsize > uint64(len(p)) {
			return nil, fmt.Errorf("element %d lies outside the page or has no key", i)
		}
		k := p[start : start+ksize]
		if i == 0 && lo != nil && bytes.Compare(k, lo) < 0 ||
			i > 0 && bytes.Compare(k, keys[i-1]) <= 0 ||
			hi != nil && bytes.Compare(k, hi) >= 0 {
			return nil, fmt.Errorf("key %d is out of order", i)
		}
		keys[i] = k
	}
	return keys, nil
}

// leaf checks a leaf page, from the file or inline in a bucket value, and
// the buckets it holds.
func (w *pageWalk) leaf(p []byte, depth int, lo, hi []byte) error {
	if _, err := w.keys(p, leafPage, lo, hi); err != nil {
		return damaged("leaf page: %v", err)
	}
	for i := range int(native.Uint16(p[10:])) {
		off := pageHeaderSize + i*elementSize
		e := p[off:]
		mid := uint64(off) + uint64(native.Uint32(e[4:])) + uint64(native.Uint32(e[8:]))
		end := mid + uint64(native.Uint32(e[12:]))
		switch native.Uint32(e[0:]) {
		case 0:
		case bucketLeaf:
			if err := w.bucket(p[mid:end], depth+1); err != nil {
				return err
			}
		default:
			return damaged("leaf element %d has flags %#x", i, native.Uint32(e[0:]))
		}
	}
	return nil
}

func (w *pageWalk) bucket(v []byte, depth int) error {
	if depth > maxDepth {
		return damaged("buckets nested deeper than %d", maxDepth)
	}
	if len(v) < bucketHeader {
		return damaged("bucket value of %d bytes", len(v))
	}
	if root := native.Uint64(v); root != 0 {
		return w.tree(root, depth, nil, nil)
	}
	inline := v[bucketHeader:]
	if len(inline) < pageHeaderSize || native.Uint16(inline[8:]) != leafPage {
		return damaged("inline bucket is not a leaf page")
	}
	return w.leaf(inline, depth, nil, nil)
}

// freelist checks the free pages: in range, listed once, and not in use.
func (w *pageWalk) freelist(id uint64) error {
	p, err := w.page(id, 0)
	if err != nil {
		return err
	}
	if native.Uint16(p[8:]) != freelistPage {
		return damaged("page %d is not the freelist", id)
	}
	first, n := uint64(0), uint64(native.Uint16(p[10:]))
	if n == 0xFFFF { // bbolt's marker: the true count is the first element
		if len(p) < pageHeaderSize+8 {
			return damaged("freelist page %d is short", id)
		}
		first, n = 1, native.Uint64(p[pageHeaderSize:])
	}
	if n > uint64(len(p))/8 || pageHeaderSize+(first+n)*8 > uint64(len(p)) {
		return damaged("freelist page %d lists %d pages", id, n)
	}
	free := make([]bool, w.hwm)
	for i := range n {
		f := native.Uint64(p[pageHeaderSize+(first+i)*8:])
		if f < 2 || f >= w.hwm || free[f] || w.seen[f] {
			return damaged("free page %d is out of range, listed twice or in use", f)
		}
		free[f] = true
	}
	return nil
}
