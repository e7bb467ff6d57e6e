package index

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// Word is one word of a text as the index counts words: a run of letters
// and digits, with apostrophes inside words and points or commas inside
// numbers; Position counts every word from 1, stop words included.
type Word struct {
	Text       string
	Start, End int // byte offsets in the text
	Position   int
}

// Words cuts text into words, with the positions the index gives them.
func Words(text string) []Word {
	var out []Word
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
		out = append(out, Word{Text: text[start:i], Start: start, End: i, Position: pos})
	}
	return out
}

// Tokens is Analyze for the many passages a question ranks, faster: words
// are cut by Words and each is stemmed once through a memo, since news
// vocabulary is small and a word's stem never changes. It returns the same
// terms, offsets and positions as Analyze.
func Tokens(text string) []Token {
	var out []Token
	for _, w := range Words(text) {
		if t := Stem(w.Text); t != "" {
			out = append(out, Token{Term: t, Start: w.Start, End: w.End, Position: w.Position})
		}
	}
	return out
}

// maxStems bounds the memo of stemmed words; it is emptied when full.
const maxStems = 200_000

var stems = struct {
	sync.RWMutex
	m map[string]string
}{m: map[string]string{}}

// Stem returns the index term of one word, "" for a stop word.
func Stem(w string) string {
	stems.RLock()
	t, ok := stems.m[w]
	stems.RUnlock()
	if ok {
		return t
	}
	if toks := Analyze(w); len(toks) > 0 {
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
