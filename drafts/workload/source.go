package workload

// source is SplitMix64. The workload must be byte-identical for a seed on
// every machine and Go release, so that benchmark figures compare; a
// generator written out here guarantees that, where math/rand's helpers
// make no such promise across releases.
type source struct{ state uint64 }

// Streams keep the parts of the workload independent: adding a word to the
// revision does not change the base draft drawn from the same seed.
const (
	streamDraft uint64 = iota + 1
	streamRevision
	streamAmendments
)

func newSource(seed int64, stream uint64) *source {
	s := &source{state: uint64(seed) ^ stream*0xD1B54A32D192ED03}
	s.next()
	return s
}

func (s *source) next() uint64 {
	s.state += 0x9E3779B97F4A7C15
	z := s.state
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// intn returns a number in [0, n); 0 when n ≤ 0.
func (s *source) intn(n int) int {
	if n <= 0 {
		return 0
	}
	return int(s.next() % uint64(n))
}

// between returns a number in [lo, hi].
func (s *source) between(lo, hi int) int { return lo + s.intn(hi-lo+1) }

// chance is true with probability p.
func (s *source) chance(p float64) bool {
	return float64(s.next()>>11)/(1<<53) < p
}

// perm returns a random permutation of 0…n-1 (Fisher–Yates).
func (s *source) perm(n int) []int {
	p := make([]int, n)
	for i := range p {
		j := s.intn(i + 1)
		p[i], p[j] = p[j], i
	}
	return p
}

func pick[T any](s *source, xs []T) T { return xs[s.intn(len(xs))] }
