package chart

// legendItem is one entry of a legend: a colour swatch, or a short
// vertical mark for the markers of a progress chart.
type legendItem struct {
	label, color string
	mark         bool
}

// headerHeight is the height the title and legend take.
func headerHeight(fs float64, title bool, legend bool) float64 {
	h := fs * 0.8
	if title {
		h += fs * 2
	}
	if legend {
		h += fs * 1.8
	}
	return h
}

// drawHeader draws the title and the legend at the start side and returns
// the y below them.
func drawHeader(c canvas, fs float64, title string, legend []legendItem) float64 {
	pad := fs * 0.8
	y := pad
	if title != "" {
		c.text(pad, y+fs*1.25, title, anchorLeft, fs*1.25, true, colorText)
		y += fs * 2
	}
	if len(legend) == 0 {
		return y
	}
	x := pad
	for _, it := range legend {
		if it.mark {
			c.line(x+fs*0.4, y+fs*0.05, x+fs*0.4, y+fs*1.05, it.color, fs*0.2)
		} else {
			c.rect(x, y+fs*0.15, fs*0.8, fs*0.8, it.color)
		}
		c.text(x+fs*1.2, y+fs*0.9, it.label, anchorLeft, fs*0.9, false, colorText)
		x += fs*2.4 + c.textWidth(it.label, fs*0.9, false)
	}
	return y + fs*1.8
}

// seriesCount is the number of bars in each group.
func (b BarChart) seriesCount() int {
	n := len(b.Series)
	for _, bar := range b.Bars {
		n = max(n, len(bar.Values))
	}
	return max(n, 1)
}

// legend lists the series, unless there is only one unnamed series.
func (b BarChart) legend() []legendItem {
	var items []legendItem
	for i, s := range b.Series {
		items = append(items, legendItem{label: s, color: seriesColor(i)})
	}
	return items
}

// value returns series j of bar, 0 when it is missing or negative (the axis
// starts at 0).
func value(bar Bar, j int) float64 {
	if j >= len(bar.Values) || !(bar.Values[j] > 0) {
		return 0
	}
	return bar.Values[j]
}

// label formats a value with the unit.
func (b BarChart) label(v float64) string { return formatter(b.Format)(v) + b.Unit }

// axis returns the value axis: its top and tick step.
func (b BarChart) axis() (top, step float64) {
	hi, integral := 0.0, true
	for _, bar := range b.Bars {
		for j := range bar.Values {
			v := value(bar, j)
			hi = max(hi, v)
			integral = integral && v == float64(int64(v))
		}
	}
	return niceAxis(hi, integral)
}

// naturalHeight is the height at which an SVG chart of width w shows its
// bars without crowding.
func (b BarChart) naturalHeight(fs float64) float64 {
	head := headerHeight(fs, b.Title != "", len(b.Series) > 0)
	if !b.Horizontal {
		return head + fs*24
	}
	row := max(fs*2.6, fs*(0.8+1.3*float64(b.seriesCount())))
	return head + row*float64(max(len(b.Bars), 1)) + fs*2.4
}

// draw lays the chart out on c, of size w×h with base font size fs.
func (b BarChart) draw(c canvas, w, h, fs float64) {
	c = orient(c, b.RTL, w)
	top := drawHeader(c, fs, b.Title, b.legend())
	if len(b.Bars) == 0 {
		return
	}
	if b.Horizontal {
		b.drawHorizontal(c, w, h, fs, top)
		return
	}
	b.drawVertical(c, w, h, fs, top)
}
