package attrib

import "testing"

// TestQuotesRunOn checks where a quotation left open ends when the next
// one opens: before a sentence of narration, not before the speaker's own
// words.
func TestQuotesRunOn(t *testing.T) {
	tests := []struct{ text, first string }{
		{`"I have learnt my lesson. Meanwhile, the FA welcomed the apology and said it was sincere. "It makes him a star," Shalaby said.`,
			`I have learnt my lesson.`},
		{`"I have learnt my lesson. We said so to the board. "It is over," he said.`,
			`I have learnt my lesson. We said so to the board.`},
		{`"I have learnt my lesson. The press was hard on me. "It is over," he said.`,
			`I have learnt my lesson. The press was hard on me.`},
		{`"I have learnt my lesson," he said. Meanwhile, the FA said it was sincere.`,
			`I have learnt my lesson,`},
	}
	for _, tt := range tests {
		p := newPara(tt.text)
		if len(p.quotes) == 0 {
			t.Errorf("%q: no quotation found", tt.text)
			continue
		}
		if got := p.quotes[0].words(tt.text); got != tt.first {
			t.Errorf("%q: first quotation %q, want %q", tt.text, got, tt.first)
		}
	}
}
