package chart

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Size of the picture in pixels: Discord shows a 16:9 image whole in both
// the desktop and the mobile client.
const (
	Width  = 1200
	Height = 675
	dpi    = 96
)

// The picture has its own opaque, dark background, so it reads the same
// on Discord's dark and light themes; the palette (Okabe–Ito, which
// colour-blind readers can tell apart) is bright enough on it.
var (
	background = color.RGBA{0x23, 0x27, 0x2f, 0xff}
	foreground = color.RGBA{0xee, 0xf0, 0xf3, 0xff}
	muted      = color.RGBA{0xb4, 0xba, 0xc5, 0xff}
	gridColour = color.RGBA{0x3d, 0x44, 0x50, 0xff}
	palette    = []color.Color{
		color.RGBA{0x56, 0xb4, 0xe9, 0xff}, color.RGBA{0xe6, 0x9f, 0x00, 0xff},
		color.RGBA{0x00, 0xb3, 0x82, 0xff}, color.RGBA{0xf0, 0xe4, 0x42, 0xff},
		color.RGBA{0xcc, 0x79, 0xa7, 0xff}, color.RGBA{0xe8, 0x6a, 0x1a, 0xff},
	}
	otherColour = color.RGBA{0x8b, 0x93, 0xa1, 0xff}
)

// Layout, in points (72 to the inch; at dpi 96 a point is 4/3 pixels).
const (
	legendWidth = 170
	lineHeight  = 19
	margin      = 14
)

// PNG draws cov under title and writes it as a Width×Height PNG.
func PNG(w io.Writer, title string, cov Coverage) error {
	c := vgimg.NewWith(vgimg.UseWH(pt(Width), pt(Height)), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(background))
	dc := draw.New(c)
	lines := captions(cov)
	captionHeight := vg.Length(len(lines))*lineHeight + margin
	area := draw.Crop(dc, margin, -legendWidth, captionHeight, -margin)
	p := newPlot(title, cov)
	p.Draw(area)
	drawLegend(draw.Crop(dc, pt(Width)-legendWidth, -margin, captionHeight, -margin-30), cov)
	drawCaptions(dc, lines)
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(w); err != nil {
		return fmt.Errorf("chart: write png: %w", err)
	}
	return nil
}

// pt converts pixels to points.
func pt(px int) vg.Length { return vg.Length(px) * 72 / dpi }

func textStyle(size vg.Length, c color.Color) draw.TextStyle {
	return draw.TextStyle{Color: c, Font: sans(size), Handler: plot.DefaultTextHandler}
}

// restyle sets a text style's size and colour, keeping its alignment.
func restyle(ts *draw.TextStyle, size vg.Length, c color.Color) {
	ts.Color = c
	ts.Font = sans(size)
}

// sans is gonum's bundled Liberation Sans, clearer than its default serif
// at small sizes.
func sans(size vg.Length) font.Font {
	return font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
}

func newPlot(title string, cov Coverage) *plot.Plot {
	p := plot.New()
	p.BackgroundColor = color.Transparent
	p.Title.Text = title
	restyle(&p.Title.TextStyle, 18, foreground)
	p.Title.Padding = 8
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Color = gridColour
		restyle(&a.Label.TextStyle, 13, muted)
		restyle(&a.Tick.Label, 12, muted)
		a.Tick.Color = gridColour
	}
	p.Y.Label.Text = "articles per " + string(cov.Unit)
	p.X.Label.Text = span(cov)
	p.Y.Min = 0
	maxTotal := 1
	for _, b := range cov.Bars {
		maxTotal = max(maxTotal, b.Total)
	}
	p.Y.Max = float64(maxTotal) * 1.15 // room for the headline markers
	p.Y.Tick.Marker = plot.TickerFunc(countTicks)
	n := max(len(cov.Bars), 1)
	p.X.Min, p.X.Max = -0.6, float64(n)-0.4
	p.X.Tick.Marker = dateTicks(cov)
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	grid.Horizontal.Color = gridColour
	p.Add(grid)
	if len(cov.Bars) == 0 {
		p.X.Label.Text = "no dated articles yet"
		return p
	}
	width := (pt(Width) - legendWidth - 70) / vg.Length(n) * 0.8
	var below *plotter.BarChart
	for i := range cov.Outlets {
		vals := make(plotter.Values, len(cov.Bars))
		for j, b := range cov.Bars {
			vals[j] = float64(b.Counts[i])
		}
		bc, _ := plotter.NewBarChart(vals, max(width, 0.75)) // width > 0 and vals finite: no error
		bc.Color = outletColour(cov, i)
		bc.LineStyle.Width = 0
		if below != nil {
			bc.StackOn(below)
		}
		p.Add(bc)
		below = bc
	}
	p.Add(markers(cov))
	return p
}

// markers numbers the busiest bars above their tops; the captions below
// the chart give each number's headline.
func markers(cov Coverage) plot.Plotter {
	xys := make(plotter.XYs, len(cov.Marked))
	labels := make([]string, len(cov.Marked))
	for i, h := range cov.Marked {
		xys[i] = plotter.XY{X: float64(h.Bar), Y: float64(h.Count)}
		labels[i] = fmt.Sprint(i + 1)
	}
	l, _ := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: labels}) // as many labels as points: no error
	for i := range l.TextStyle {
		l.TextStyle[i] = textStyle(14, foreground)
		l.TextStyle[i].XAlign = draw.XCenter
		l.TextStyle[i].YAlign = draw.YBottom
	}
	l.Offset = vg.Point{Y: 3}
	return l
}

func outletColour(cov Coverage, i int) color.Color {
	if cov.Outlets[i] == OtherOutlets {
		return otherColour
	}
	return palette[i%len(palette)]
}

// drawLegend lists the outlets, top of the stack first, beside the chart.
func drawLegend(c draw.Canvas, cov Coverage) {
	ts := textStyle(12, foreground)
	y := c.Max.Y - 20
	for i := len(cov.Outlets) - 1; i >= 0; i-- {
		x := c.Min.X
		c.FillPolygon(outletColour(cov, i), []vg.Point{{X: x, Y: y}, {X: x + 12, Y: y}, {X: x + 12, Y: y + 12}, {X: x, Y: y + 12}})
		name := fit(cov.Outlets[i], ts, c.Max.X-c.Min.X-18)
		c.FillText(ts, vg.Point{X: c.Min.X + 18, Y: y + 1}, name)
		y -= lineHeight
	}
}

// captions are the lines under the chart: each marked bar's number, date,
// count and headline, and how many articles had no date.
func captions(cov Coverage) []string {
	var out []string
	for i, h := range cov.Marked {
		b := cov.Bars[h.Bar]
		out = append(out, fmt.Sprintf("%d  %s · %d %s — %s", i+1, barLabel(b, cov.Unit), h.Count,
			plural(h.Count, "article", "articles"), oneLine(h.Title)))
	}
	if cov.Undated > 0 {
		out = append(out, fmt.Sprintf("%d undated %s not drawn", cov.Undated, plural(cov.Undated, "article", "articles")))
	}
	return out
}

func drawCaptions(c draw.Canvas, lines []string) {
	ts := textStyle(13, foreground)
	y := c.Min.Y + margin + vg.Length(len(lines)-1)*lineHeight
	for _, l := range lines {
		c.FillText(ts, vg.Point{X: c.Min.X + margin + 6, Y: y}, fit(l, ts, c.Max.X-c.Min.X-2*margin-6))
		y -= lineHeight
	}
}

// fit cuts s with "…" to at most width when drawn in ts.
func fit(s string, ts draw.TextStyle, width vg.Length) string {
	if ts.Width(s) <= width {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if ts.Width(string(r[:mid])+"…") <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimSpace(string(r[:lo])) + "…"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// barLabel names a bar: "Thu 25 May 2017", "week of 22 May 2017", "May 2017".
func barLabel(b Bar, u Unit) string {
	switch u {
	case Week:
		return "week of " + b.Start.Format("2 Jan 2006")
	case Month:
		return b.Start.Format("Jan 2006")
	}
	return b.Start.Format("Mon 2 Jan 2006")
}

// span is the x axis's label: the years the chart covers.
func span(cov Coverage) string {
	if len(cov.Bars) == 0 {
		return ""
	}
	first, last := cov.Bars[0].Start.Year(), cov.Bars[len(cov.Bars)-1].Start.Year()
	if first == last {
		return fmt.Sprint(first)
	}
	return fmt.Sprintf("%d–%d", first, last)
}

// dateTicks labels about eight bars evenly spread.
func dateTicks(cov Coverage) plot.Ticker {
	return plot.TickerFunc(func(lo, hi float64) []plot.Tick {
		n := len(cov.Bars)
		step := max(1, int(math.Ceil(float64(n)/8)))
		var ticks []plot.Tick
		for i := 0; i < n; i += step {
			ticks = append(ticks, plot.Tick{Value: float64(i), Label: tickLabel(cov.Bars[i].Start, cov.Unit)})
		}
		return ticks
	})
}

func tickLabel(t time.Time, u Unit) string {
	switch u {
	case Week:
		return t.Format("2 Jan 06")
	case Month:
		return t.Format("Jan 06")
	}
	return t.Format("2 Jan")
}

// countTicks labels whole numbers of articles, at most about six.
func countTicks(lo, hi float64) []plot.Tick {
	step := 1.0
	for _, s := range []float64{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000} {
		step = s
		if hi/s <= 6 {
			break
		}
	}
	var ticks []plot.Tick
	for v := 0.0; v <= hi; v += step {
		ticks = append(ticks, plot.Tick{Value: v, Label: fmt.Sprint(v)})
	}
	return ticks
}
