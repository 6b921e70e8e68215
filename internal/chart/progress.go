package chart

// Progress chart colours: the actual fills the track, the target is marked
// in the accent colour and the baseline in the text colour.
const (
	colorActual   = "#0b5a87"
	colorTarget   = "#e08a2c"
	colorBaseline = colorText
)

// legend lists the markers that have a label.
func (p ProgressChart) legend() []legendItem {
	var items []legendItem
	if p.LegendActual != "" {
		items = append(items, legendItem{label: p.LegendActual, color: colorActual})
	}
	if p.LegendBaseline != "" {
		items = append(items, legendItem{label: p.LegendBaseline, color: colorBaseline, mark: true})
	}
	if p.LegendTarget != "" {
		items = append(items, legendItem{label: p.LegendTarget, color: colorTarget, mark: true})
	}
	return items
}

// summary is the "actual / target (pct%)" label of an item. The percentage
// is the item's Done when set, else the share of the target reached; it is
// left out when there is no target.
func (p ProgressChart) summary(it Progress) string {
	f := formatter(p.Format)
	s := f(it.Actual) + it.Unit + " / " + f(it.Target) + it.Unit
	sign := p.PercentSign
	if sign == "" {
		sign = "%"
	}
	switch {
	case it.Done != nil:
		s += " (" + f(*it.Done) + sign + ")"
	case it.Target != 0:
		s += " (" + f(it.Actual/it.Target*100) + sign + ")"
	}
	return s
}

// rowHeight is the height of one indicator at font size fs.
func rowHeight(fs float64) float64 { return fs * 3.8 }

// naturalHeight is the height at which an SVG chart shows every item.
func (p ProgressChart) naturalHeight(fs float64) float64 {
	head := headerHeight(fs, p.Title != "", len(p.legend()) > 0)
	return head + rowHeight(fs)*float64(max(len(p.Items), 1)) + fs*0.4
}

// draw lays the chart out on c, of size w×h with base font size fs.
func (p ProgressChart) draw(c canvas, w, h, fs float64) {
	c = orient(c, p.RTL, w)
	top := drawHeader(c, fs, p.Title, p.legend())
	if len(p.Items) == 0 {
		return
	}
	pad := fs * 0.8
	rowH := min(rowHeight(fs), (h-top-pad)/float64(len(p.Items)))
	for i, it := range p.Items {
		p.drawItem(c, it, pad, top+rowH*float64(i), w-2*pad, fs)
	}
}

// drawItem draws one indicator: its label and summary on one line, the
// bar with its markers below.
func (p ProgressChart) drawItem(c canvas, it Progress, x, y, w, fs float64) {
	sum := p.summary(it)
	sumW := c.textWidth(sum, fs*0.9, false)
	label := fitText(c, it.Label, w-sumW-fs, fs, true)
	c.text(x, y+fs*1.1, label, anchorLeft, fs, true, colorText)
	c.text(x+w, y+fs*1.1, sum, anchorRight, fs*0.9, false, colorMuted)
	hi := max(it.Target, it.Actual, it.Baseline)
	if !(hi > 0) {
		hi = 1
	}
	ty, th := y+fs*1.7, fs*1.1
	scale := w / hi
	c.rect(x, ty, w, th, colorTrack)
	c.rect(x, ty, max(it.Actual, 0)*scale, th, colorActual)
	if it.Baseline > 0 {
		bx := x + it.Baseline*scale
		c.line(bx, ty-fs*0.25, bx, ty+th+fs*0.25, colorBaseline, fs*0.14)
	}
	tx := x + max(it.Target, 0)*scale
	c.line(tx, ty-fs*0.4, tx, ty+th+fs*0.4, colorTarget, fs*0.24)
}
