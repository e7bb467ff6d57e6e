package index

import (
	"iter"
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

// Words and Tokens size their results rather than growing them word by
// word: a word of English news text takes about 5.9 bytes, space and
// punctuation included, and a token (a word not a stop word) about 10 (BBC
// corpus). The sizes are a little generous so that a result rarely grows.
const bytesPerWord, bytesPerToken = 5, 8

// Words cuts text into words, with the positions the index gives them.
func Words(text string) []Word {
	out := make([]Word, 0, len(text)/bytesPerWord+1)
	for w := range words(text) {
		out = append(out, w)
	}
	return out
}

// words yields the words of text in order.
func words(text string) iter.Seq[Word] {
	return func(yield func(Word) bool) {
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
			if !yield(Word{Text: text[start:i], Start: start, End: i, Position: pos}) {
				return
			}
		}
	}
}

// Tokens is Analyze for the many passages a question ranks, faster: words
// are cut as Words cuts them and each is stemmed once through a memo, since
// news vocabulary is small and a word's stem never changes. It returns the
// same terms, offsets and positions as Analyze.
func Tokens(text string) []Token {
	out := make([]Token, 0, len(text)/bytesPerToken+1)
	for w := range words(text) {
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
