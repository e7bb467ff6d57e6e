package evaluate

import (
	"testing"

	"storybot/answer"
)

func TestContainsGold(t *testing.T) {
	cases := []struct {
		text, gold string
		want       bool
	}{
		{"“Squid Game” is officially coming back.", "“Squid Game”", true},
		{"Netflix's Squid  Game returns", "Squid Game", true},
		{"It’s unfair and inaccurate", "It's unfair", true},
		{"New Jersey and Oregon ban it", "New Jersey & Oregon", false},
		{"only New Jersey & Oregon ban it", "New Jersey & Oregon", true},
		{"a gallon cost $5.02 on Monday", "$5", false},
		{"a gallon cost $5 on Monday", "$5", true},
		{"extended by 16 months", "6", false},
		{"extended by 6 months.", "6", true},
		{"a 1,000-strong crowd", "1", false},
		{"the end.", "", false},
		{"Fordham University", "Ford", false},
	}
	for _, c := range cases {
		t.Run(c.gold+" in "+c.text, func(t *testing.T) {
			if got := containsGold(c.text, c.gold); got != c.want {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestSpeakerMatches(t *testing.T) {
	cases := []struct {
		found, gold string
		want        bool
	}{
		{"Vodafone", "vodafone", true},
		{"Lycos Europe", "Lycos", true},
		{"Mr Vaile", "Mark Vaile", true},
		{"Five", "Channel Five", true},
		{"Fivetran", "Five", false},
		{"Tony Blair", "Michael Howard", false},
		{"", "Michael Howard", false},
		{"St Fintian's High School", "St Fintian's", true},
	}
	for _, c := range cases {
		t.Run(c.found+" vs "+c.gold, func(t *testing.T) {
			if got := speakerMatches(c.found, c.gold); got != c.want {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestJudge(t *testing.T) {
	a := answer.Answer{
		Speakers: []answer.Speaker{{Name: "Mark Vaile", Citation: 2}},
		Citations: []answer.Citation{
			{N: 1, ArticleID: "a", Passage: "nothing here"},
			{N: 2, ArticleID: "b", Passage: "Mark Vaile has said that the bid may be"},
			{N: 3, ArticleID: "c", Passage: "x"},
			{N: 4, ArticleID: "gold", Passage: "late"},
		},
	}
	who := Judge(a, Case{Gold: ids("b"), Speakers: []string{"Vaile"}, Texts: []string{"has said that the bid"}})
	if want := (Result{Article: true, Text: true, Speaker: true}); who != want {
		t.Errorf("who: got %+v, want %+v", who, want)
	}
	late := Judge(a, Case{Gold: ids("gold"), Texts: []string{"late"}})
	if want := (Result{}); late != want {
		t.Errorf("quiz past the first three: got %+v, want %+v", late, want)
	}
	other := Judge(a, Case{Gold: ids("x"), Speakers: []string{"Howard"}, Texts: []string{"not said"}})
	if want := (Result{}); other != want {
		t.Errorf("nothing gold: got %+v, want %+v", other, want)
	}
}
