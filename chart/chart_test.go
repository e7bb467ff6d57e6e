package chart

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"
	"slices"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestCount(t *testing.T) {
	arts := []Article{
		{Title: "Bomber named by US officials", Outlet: "bbc", Published: day("2017-05-23 09:00")},
		{Title: "Police stop sharing intelligence with the US", Outlet: "guardian", Published: day("2017-05-25 23:59")},
		{Title: "Manchester police stop sharing intelligence", Outlet: "bbc", Published: day("2017-05-25 07:00")},
		{Title: "Trump orders leak inquiry", Outlet: "bbc", Published: day("2017-05-25 12:00")},
		{Title: "Sharing resumes", Outlet: "reuters", Published: day("2017-05-27 00:00")},
		{Title: "no date", Outlet: "reuters"},
	}
	cov := Count(arts)
	// five days of coverage are drawn as a week: a day before, one after
	if cov.Unit != Day || !cov.Start.Equal(day("2017-05-22 00:00")) || cov.Undated != 1 {
		t.Fatalf("unit %s start %s undated %d, want day, 2017-05-22 and 1", cov.Unit, cov.Start, cov.Undated)
	}
	if got, want := cov.Outlets, []string{"bbc", "guardian", "reuters"}; !slices.Equal(got, want) {
		t.Errorf("outlets %v, want %v (most articles first)", got, want)
	}
	var totals []int
	for _, b := range cov.Bars {
		totals = append(totals, b.Total)
	}
	if want := []int{0, 1, 0, 3, 0, 1, 0}; !slices.Equal(totals, want) {
		t.Errorf("totals per day %v, want %v", totals, want)
	}
	if got := cov.Bars[3].Counts; !slices.Equal(got, []int{2, 1, 0}) {
		t.Errorf("25 May by outlet %v, want [2 1 0]", got)
	}
	if len(cov.Marked) != 3 || cov.Marked[0].Bar != 3 || cov.Marked[0].Count != 3 ||
		cov.Marked[0].Title != "Manchester police stop sharing intelligence" {
		t.Errorf("marked %+v, want 25 May first with the earliest of the headlines sharing most words", cov.Marked)
	}
	if cov.Marked[1].Bar != 1 || cov.Marked[2].Bar != 5 {
		t.Errorf("marked %+v, want the two one-article days in date order after it", cov.Marked)
	}
}

func TestCountOneDayIsDrawnInAWeek(t *testing.T) {
	cov := Count([]Article{{Outlet: "a", Published: day("2024-01-10 10:00")}})
	if len(cov.Bars) != minBars || !cov.Start.Equal(day("2024-01-07 00:00")) || cov.Bars[3].Total != 1 {
		t.Errorf("start %s, %d bars, middle %+v; want 7 bars from 7 January with the article in the middle", cov.Start, len(cov.Bars), cov.Bars[3])
	}
}

func TestCountUnits(t *testing.T) {
	for _, tc := range []struct {
		last  string
		unit  Unit
		start string
		bars  int
	}{
		{"2024-01-31 10:00", Day, "2024-01-03 00:00", 29},
		{"2024-06-30 10:00", Week, "2024-01-01 00:00", 26}, // 1 Jan 2024 is a Monday
		{"2026-03-15 10:00", Month, "2024-01-01 00:00", 27},
	} {
		t.Run(string(tc.unit), func(t *testing.T) {
			cov := Count([]Article{{Outlet: "a", Published: day("2024-01-03 10:00")}, {Outlet: "b", Published: day(tc.last)}})
			if cov.Unit != tc.unit || !cov.Start.Equal(day(tc.start)) || len(cov.Bars) != tc.bars {
				t.Fatalf("unit %s start %s bars %d, want %s %s %d", cov.Unit, cov.Start, len(cov.Bars), tc.unit, tc.start, tc.bars)
			}
			if cov.Bars[0].Total != 1 || cov.Bars[len(cov.Bars)-1].Total != 1 {
				t.Errorf("first and last bars %d and %d, want 1 and 1", cov.Bars[0].Total, cov.Bars[len(cov.Bars)-1].Total)
			}
		})
	}
}

func TestCountStacksOutletsBeyondSix(t *testing.T) {
	var arts []Article
	for i := range 9 {
		for range 9 - i {
			arts = append(arts, Article{Outlet: fmt.Sprintf("outlet %d", i), Published: day("2024-01-01 10:00")})
		}
	}
	cov := Count(arts)
	if len(cov.Outlets) != maxOutlets || cov.Outlets[maxOutlets-1] != OtherOutlets || cov.Outlets[0] != "outlet 0" {
		t.Fatalf("outlets %v, want the five busiest then %q", cov.Outlets, OtherOutlets)
	}
	if got := cov.Bars[cov.Marked[0].Bar].Counts[maxOutlets-1]; got != 4+3+2+1 {
		t.Errorf("other outlets count %d, want %d", got, 4+3+2+1)
	}
}

// TestPNG draws a story and reads the picture back: its size, and each
// outlet's colour covering more of it the more articles the outlet has.
func TestPNG(t *testing.T) {
	arts := []Article{{Title: "Busy day", Outlet: "first", Published: day("2024-03-02 10:00")}}
	for range 5 {
		arts = append(arts, Article{Title: "Busy day", Outlet: "first", Published: day("2024-03-04 10:00")})
	}
	arts = append(arts, Article{Title: "Quiet", Outlet: "second", Published: day("2024-03-04 11:00")},
		Article{Title: "Quiet", Outlet: "second", Published: day("2024-03-05 11:00")})
	var buf bytes.Buffer
	if err := PNG(&buf, "Timeline: test", Count(arts)); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
		t.Fatalf("size %dx%d, want %dx%d", b.Dx(), b.Dy(), Width, Height)
	}
	count := map[color.RGBA]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			count[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), uint8(a >> 8)}]++
		}
	}
	first, second, unused := count[palette[0].(color.RGBA)], count[palette[1].(color.RGBA)], count[palette[2].(color.RGBA)]
	if second < 1000 || first < 2*second || unused > 0 {
		t.Errorf("pixels: first outlet %d, second %d, an unused colour %d; want first ≥ 2× second > 1000 and none unused", first, second, unused)
	}
}

func TestPNGWithoutDatedArticles(t *testing.T) {
	var buf bytes.Buffer
	if err := PNG(&buf, "Timeline: empty", Count([]Article{{Title: "x", Outlet: "y"}})); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil || img.Bounds().Dx() != Width {
		t.Fatalf("decode: %v, width %d", err, img.Bounds().Dx())
	}
}

func TestRepresentative(t *testing.T) {
	for _, tc := range []struct {
		titles []string
		want   string
	}{
		{[]string{"Sharing resumes", "Police halt intelligence sharing", "Intelligence sharing halted by police"}, "Police halt intelligence sharing"},
		{[]string{"", "Only one"}, "Only one"},
		{[]string{"Alpha", "Beta"}, "Alpha"},
	} {
		if got := representative(tc.titles); got != tc.want {
			t.Errorf("representative(%q) = %q, want %q", tc.titles, got, tc.want)
		}
	}
}
