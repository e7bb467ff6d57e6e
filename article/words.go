package article

import "unicode"

// unspacedScripts are written without spaces between words.
var unspacedScripts = []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana,
	unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar}

// firstUnspaced is the lowest code point of unspacedScripts: runes below it
// (all of Latin text) skip the table look-ups, which were most of Words'
// time and 5% of ingest's.
var firstUnspaced = func() rune {
	low := unicode.MaxRune
	for _, t := range unspacedScripts {
		if len(t.R16) > 0 {
			low = min(low, rune(t.R16[0].Lo))
		} else if len(t.R32) > 0 {
			low = min(low, rune(t.R32[0].Lo))
		}
	}
	return low
}()

// Words measures text for size thresholds (is this prose, how long is a
// passage): it counts space-separated words, except that each character of
// a script written without spaces (Chinese, Japanese, Thai, Lao, Khmer,
// Myanmar) counts as one, so such text is not measured as a single word;
// punctuation alone is no word.
func Words(text string) int {
	n, inWord := 0, false
	for _, r := range text {
		switch {
		case r >= firstUnspaced && unicode.In(r, unspacedScripts...):
			n, inWord = n+1, false
		case unicode.IsSpace(r):
			inWord = false
		case unicode.IsPunct(r):
			// neither a word of its own nor the end of one ("U.S.", "「")
		case !inWord:
			n, inWord = n+1, true
		}
	}
	return n
}
