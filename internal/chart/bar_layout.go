package chart

// drawVertical draws columns rising from a category axis at the bottom.
func (b BarChart) drawVertical(c canvas, w, h, fs, top float64) {
	pad, tickSize, labelSize := fs*0.8, fs*0.85, fs*0.9
	axisTop, step := b.axis()
	tickW := 0.0
	for v := 0.0; v <= axisTop+step/2; v += step {
		tickW = max(tickW, c.textWidth(b.label(v), tickSize, false))
	}
	left, right := pad+tickW+fs*0.5, w-pad
	band := (right - left) / float64(len(b.Bars))
	labels := make([][]string, len(b.Bars))
	lines := 1
	for i, bar := range b.Bars {
		labels[i] = wrapText(c, bar.Label, band-fs*0.3, labelSize, false, 2)
		lines = max(lines, len(labels[i]))
	}
	plotTop := top + fs*1.2
	bottom := h - pad - float64(lines)*labelSize*1.25
	scale := (bottom - plotTop) / axisTop
	for v := 0.0; v <= axisTop+step/2; v += step {
		y := bottom - v*scale
		c.line(left, y, right, y, colorGrid, fs*0.07)
		c.text(left-fs*0.4, y+tickSize*0.35, b.label(v), anchorRight, tickSize, false, colorMuted)
	}
	ns := b.seriesCount()
	groupW := band * 0.75
	barW := groupW / float64(ns)
	for i, bar := range b.Bars {
		gx := left + band*float64(i) + (band-groupW)/2
		for j := 0; j < ns; j++ {
			v := value(bar, j)
			x, bh := gx+barW*float64(j), v*scale
			c.rect(x+barW*0.06, bottom-bh, barW*0.88, bh, seriesColor(j))
			c.text(x+barW/2, bottom-bh-fs*0.3, b.label(v), anchorMiddle, fs*0.8, false, colorText)
		}
		for k, l := range labels[i] {
			y := bottom + labelSize*(1.2+1.2*float64(k))
			c.text(left+band*(float64(i)+0.5), y, l, anchorMiddle, labelSize, false, colorText)
		}
	}
	c.line(left, bottom, right, bottom, colorText, fs*0.08)
}

// drawHorizontal draws bars growing from a column of category labels.
func (b BarChart) drawHorizontal(c canvas, w, h, fs, top float64) {
	pad, tickSize, labelSize, valueSize := fs*0.8, fs*0.85, fs*0.9, fs*0.8
	axisTop, step := b.axis()
	labelW := 0.0
	for _, bar := range b.Bars {
		labelW = max(labelW, c.textWidth(bar.Label, labelSize, false))
	}
	labelW = min(labelW, w*0.35)
	left := pad + labelW + fs*0.6
	right := w - pad - c.textWidth(b.label(axisTop), valueSize, false) - fs*0.5
	bottom := h - pad - fs*1.6
	scale := (right - left) / axisTop
	for v := 0.0; v <= axisTop+step/2; v += step {
		x := left + v*scale
		c.line(x, top, x, bottom, colorGrid, fs*0.07)
		c.text(x, bottom+fs*1.2, b.label(v), anchorMiddle, tickSize, false, colorMuted)
	}
	ns := b.seriesCount()
	rowH := (bottom - top) / float64(len(b.Bars))
	barH := rowH * 0.72 / float64(ns)
	for i, bar := range b.Bars {
		ry := top + rowH*float64(i)
		lines := wrapText(c, bar.Label, labelW, labelSize, false, 2)
		ly := ry + rowH/2 - float64(len(lines)-1)*labelSize*0.6 + labelSize*0.35
		for k, l := range lines {
			c.text(left-fs*0.6, ly+float64(k)*labelSize*1.2, l, anchorRight, labelSize, false, colorText)
		}
		for j := 0; j < ns; j++ {
			v := value(bar, j)
			by, bw := ry+rowH*0.14+barH*float64(j), v*scale
			c.rect(left, by+barH*0.08, bw, barH*0.84, seriesColor(j))
			c.text(left+bw+fs*0.3, by+barH/2+valueSize*0.35, b.label(v), anchorLeft, valueSize, false, colorText)
		}
	}
	c.line(left, top, left, bottom, colorText, fs*0.08)
}
