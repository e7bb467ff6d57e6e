package index

import (
	"cmp"
	"math"
	"slices"

	"github.com/blevesearch/bleve/v2"
)

// keepRarest is how many word clauses CommonShare always keeps, the rarest,
// so that a question of common words still finds something.
const keepRarest = 2

// withoutCommon returns q without the word clauses that CommonShare leaves
// out, counting shares among the article documents (articles) or the
// passages.
func (ix *Index) withoutCommon(q Query, articles bool) Query {
	if q.CommonShare <= 0 {
		return q
	}
	ix.mu.Lock()
	cur := ix.cur
	ix.mu.Unlock()
	if cur == nil {
		return q
	}
	all, err := cur.DocCount()
	if err != nil {
		return q
	}
	n, field := docFreq(cur, fieldKind, kindArticle), fieldArticleBody
	if !articles {
		n, field = all-n, fieldText
	}
	type word struct {
		clause int
		df     uint64 // documents holding its rarest word
	}
	var words []word
	for i, c := range q.Clauses {
		if c.AllWords || c.Must || c.Text == "" {
			continue
		}
		w := word{clause: i, df: math.MaxUint64}
		for _, t := range Analyze(c.Text) {
			w.df = min(w.df, docFreq(cur, field, t.Term))
		}
		words = append(words, w)
	}
	if len(words) <= keepRarest {
		return q
	}
	slices.SortStableFunc(words, func(a, b word) int { return cmp.Compare(a.df, b.df) })
	limit := q.CommonShare * float64(n)
	drop := map[int]bool{}
	for _, w := range words[keepRarest:] {
		if float64(w.df) > limit {
			drop[w.clause] = true
		}
	}
	if len(drop) == 0 {
		return q
	}
	kept := make([]Clause, 0, len(q.Clauses)-len(drop))
	for i, c := range q.Clauses {
		if !drop[i] {
			kept = append(kept, c)
		}
	}
	q.Clauses = kept
	return q
}

// docFreq is how many documents hold term in field (deleted ones may count
// until their segment is merged away: close enough for a share).
func docFreq(idx bleve.Index, field, term string) uint64 {
	d, err := idx.FieldDictRange(field, []byte(term), []byte(term))
	if err != nil {
		return 0
	}
	defer d.Close()
	e, err := d.Next()
	if err != nil || e == nil || e.Term != term {
		return 0
	}
	return e.Count
}
