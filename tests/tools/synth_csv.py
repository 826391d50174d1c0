#!/usr/bin/env python3
"""Write a synthetic import CSV (the header of `chitieu import`) for the
province dien-bien and N districts with made-up names, twelve indicators,
the given years and quarters 0-4, about 5% of results missing. The same
arguments give the same bytes. Tests use it for large packs; the
benchmark's own generator writes the same format.

    tests/tools/synth_csv.py --localities 200 --years 2023-2024 --out d.csv"""
import argparse
import random

INDICATORS = [  # code, name, unit, direction, base, additive
    ("grdp_growth", "Tốc độ tăng trưởng kinh tế (GRDP)", "%", "higher", 7, False),
    ("budget_revenue", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "higher", 300, True),
    ("income_per_capita", "Thu nhập bình quân đầu người", "triệu đồng/người/năm", "higher", 40, False),
    ("poverty_rate", "Tỷ lệ hộ nghèo", "%", "lower", 20, False),
    ("forest_cover", "Tỷ lệ che phủ rừng", "%", "higher", 45, False),
    ("new_rural_communes", "Số xã đạt chuẩn nông thôn mới", "xã", "higher", 5, True),
    ("food_output", "Tổng sản lượng lương thực có hạt", "tấn", "higher", 30000, True),
    ("tourists", "Số lượt khách du lịch", "lượt người", "higher", 80000, True),
    ("clean_water", "Tỷ lệ dân cư nông thôn dùng nước hợp vệ sinh", "%", "higher", 85, False),
    ("health_insurance", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "higher", 95, False),
    ("trained_labour", "Tỷ lệ lao động qua đào tạo", "%", "higher", 55, False),
    ("standard_schools", "Số trường đạt chuẩn quốc gia", "trường", "higher", 25, True),
]
FIRST = ["Huổi", "Nậm", "Mường", "Pá", "Tìa", "Búng", "Co", "Háng", "Sín", "Phìn"]
SECOND = ["Lèng", "Chan", "Khoa", "Tùng", "Ảng", "Pồ", "Mươn", "Đăng", "Lói", "Chua",
          "Thín", "Nưa", "Sáng", "Dình", "Lay", "Hẹ", "Nhừ", "Tỉnh", "Luân", "Phăng"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--localities", type=int, default=10)
    ap.add_argument("--years", default="2023-2024")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    y0, y1 = (int(x) for x in a.years.split("-"))
    names = [f + " " + s for s in SECOND for f in FIRST]
    rnd.shuffle(names)
    # a long name, to see it wrap
    names[0] = "Thượng Nguồn Sông Đà Và Các Xã Vùng Cao Biên Giới Phía Tây"
    locs = [("dien-bien", "Điện Biên", "tỉnh", "")]
    for i in range(a.localities):
        locs.append(("huyen-%03d" % (i + 1), names[i % len(names)] +
                     ("" if i < len(names) else " %d" % (i // len(names) + 1)),
                     "huyện", "dien-bien"))
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("locality_code,locality_name,level,parent_code,indicator_code,"
                "indicator_name,unit,direction,year,quarter,target,actual\n")
        for code, name, level, parent in locs:
            scale = 1 if not parent else 1 / max(a.localities, 1) * 3
            for ic, iname, unit, d, base, add in INDICATORS:
                b = base * (scale if add else 1)
                for y in range(y0, y1 + 1):
                    target = b * rnd.uniform(0.9, 1.1)
                    for q in range(5):
                        share = 1 if q in (0, 4) or not add else q / 4
                        t = target
                        act = target * share * rnd.uniform(0.85, 1.12)
                        actual = "" if rnd.random() < 0.05 else "%.2f" % act
                        f.write('%s,%s,%s,%s,%s,"%s",%s,%s,%d,%d,%.2f,%s\n' % (
                            code, name, level, parent, ic, iname, unit, d, y,
                            q, t, actual))


if __name__ == "__main__":
    main()
