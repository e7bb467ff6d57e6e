// Package neardup tells when two texts report the same event: word
// shingles compared by Jaccard similarity and containment, tuned so that
// lightly rewritten or trimmed copies of one wire story match and two
// stories on one topic do not. It is pure: no I/O.
package neardup

import (
	"hash/fnv"
	"slices"
	"strings"
	"unicode"
)

// shingleSize is the number of words per shingle. Three-word shingles
// survive light rewriting (a changed word breaks only three shingles)
// while two stories on one topic, sharing names and phrases, still share
// few of them.
const shingleSize = 3

// Near-duplicate thresholds, tuned on the BBC corpus (see
// neardup_test.go): lightly rewritten copies of one article score well
// above them, different articles of one category well below.
const (
	// sameJaccard is the shingle Jaccard similarity above which two
	// texts report the same event.
	sameJaccard = 0.30
	// sameContainment is the share of the shorter text's shingles found
	// in the longer one above which they are the same event: one outlet
	// may run a trimmed version of the wire copy.
	sameContainment = 0.65
	// minContained is the fewest shingles the shorter text must have for
	// containment to count, so a one-line teaser cannot merge stories.
	minContained = 25
)

// Shingles returns the sorted, distinct hashes of text's word shingles.
func Shingles(text string) []uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) < shingleSize {
		if len(words) == 0 {
			return nil
		}
		return []uint64{hashWords(words)}
	}
	out := make([]uint64, 0, len(words)-shingleSize+1)
	for i := 0; i+shingleSize <= len(words); i++ {
		out = append(out, hashWords(words[i:i+shingleSize]))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func hashWords(words []string) uint64 {
	h := fnv.New64a()
	for _, w := range words {
		h.Write([]byte(w))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// intersect counts the hashes two sorted sets share.
func intersect(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// similarity returns the Jaccard similarity of two shingle sets and the
// containment of the smaller in the larger.
func similarity(a, b []uint64) (jaccard, containment float64) {
	if len(a) == 0 || len(b) == 0 {
		return 0, 0
	}
	n := intersect(a, b)
	return float64(n) / float64(len(a)+len(b)-n), float64(n) / float64(min(len(a), len(b)))
}

// Same reports whether two shingle sets (of Shingles) are near-duplicates:
// the same event, reported twice.
func Same(a, b []uint64) bool {
	j, c := similarity(a, b)
	return j >= sameJaccard || (c >= sameContainment && min(len(a), len(b)) >= minContained)
}

// Groups groups texts that are near-duplicates, transitively, and returns
// the groups as index lists in input order.
func Groups(texts []string) [][]int {
	sets := make([][]uint64, len(texts))
	for i, t := range texts {
		sets[i] = Shingles(t)
	}
	parent := make([]int, len(texts))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	for i := range sets {
		for j := i + 1; j < len(sets); j++ {
			if find(i) != find(j) && Same(sets[i], sets[j]) {
				parent[find(j)] = find(i)
			}
		}
	}
	groups := make(map[int][]int)
	var roots []int
	for i := range texts {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	out := make([][]int, 0, len(roots))
	for _, r := range roots {
		out = append(out, groups[r])
	}
	return out
}
