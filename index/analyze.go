package index

import (
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/registry"
)

// Token is one analysed word of a text: its index term (lower case,
// stemmed) and where it stands.
type Token struct {
	Term       string
	Start, End int // byte offsets in the text
	Position   int // word position, counting from 1
}

var english = sync.OnceValue(func() analysis.Analyzer {
	an, err := registry.NewCache().AnalyzerNamed(en.AnalyzerName)
	if err != nil {
		panic("index: english analyzer: " + err.Error()) // registered by the en package's init
	}
	return an
})

// Analyze runs text through the index's English analysis, so callers can
// match words exactly as the index does: stop words dropped, stems kept.
func Analyze(text string) []Token {
	ts := english().Analyze([]byte(text))
	out := make([]Token, len(ts))
	for i, t := range ts {
		out[i] = Token{Term: string(t.Term), Start: t.Start, End: t.End, Position: t.Position}
	}
	return out
}
