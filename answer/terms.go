package answer

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"storybot/index"
)

// maxStems bounds the memo of stemmed words; it is emptied when full.
const maxStems = 200_000

// stems memoises index.Analyze word by word: running the full analysis
// over a hundred passages per question costs more than the search itself,
// while news vocabulary is small and every word's stem never changes.
var stems = struct {
	sync.RWMutex
	m map[string]string
}{m: map[string]string{}}

// stem returns the index term of one word, "" for a stop word.
func stem(w string) string {
	stems.RLock()
	t, ok := stems.m[w]
	stems.RUnlock()
	if ok {
		return t
	}
	if toks := index.Analyze(w); len(toks) > 0 {
		t = toks[0].Term
	}
	stems.Lock()
	if len(stems.m) >= maxStems {
		stems.m = map[string]string{}
	}
	stems.m[w] = t
	stems.Unlock()
	return t
}

// analyzeText is index.Analyze for passage text, faster: words are cut by a
// simple scan (letters and digits, with apostrophes inside words and
// points or commas inside numbers) and stemmed through the memo. Positions
// count every word, stop words included, as the index's do.
func analyzeText(text string) []index.Token {
	var out []index.Token
	pos := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !wordRune(r) {
			i += n
			continue
		}
		start := i
		i = wordEnd(text, i)
		pos++
		if t := stem(text[start:i]); t != "" {
			out = append(out, index.Token{Term: t, Start: start, End: i, Position: pos})
		}
	}
	return out
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// wordEnd returns where the word starting at i ends.
func wordEnd(text string, i int) int {
	prev := rune(0)
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if wordRune(r) {
			prev, i = r, i+n
			continue
		}
		next, m := utf8.DecodeRuneInString(text[i+n:])
		inner := (r == '\'' || r == '’') && unicode.IsLetter(prev) && unicode.IsLetter(next) ||
			(r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(next)
		if !inner || m == 0 {
			return i
		}
		prev, i = next, i+n+m
	}
	return i
}
