// Which scheme region each division belongs to (issue 12): read by scripts/divisions.mjs (the
// CLI's policies/divisions.tsv) and scripts/catalogue.mjs (the rules each catalogue region
// carries for the page's city picker).

/**
 * Which scheme region each division belongs to. `where` selects by GB/T 2260 code prefix
 * (province 2 digits, prefecture 4); `kind` is what the division is: `prefecture` (a
 * prefecture-level city or autonomous prefecture), `district` (市辖区: part of its prefecture's
 * urban pooling), `county` (县, 自治县 or county-level city 市). The first matching rule of each
 * scheme wins — the one with the longest `where`: the page's picker matches the rules the catalogue
 * carries by longest prefix, so a more specific rule comes first here. Readings of the documents:
 * - jilin-2008 (吉政办发[2008]12号 二(四)1) sets three tiers: 长春市 (the city file changchun), 各市州
 *   (不含长春市) and 各县(市); counties and county-level cities under Changchun are in the county tier.
 * - jilin-2016 (吉政办发〔2016〕84号) has one region for the whole province.
 * - jiaxing-2008 (嘉政发〔2007〕70号) unifies the city and its counties (一(三) 六个统一): one region.
 * - jiangsu-2007 distinguishes 省辖市市区 and 县(市) (二(三)); 南通市 (its urban districts) has its
 *   city file nantong (policies/jiangsu-2007/nantong.toml, a 省辖市 pooling region).
 */
export const RULES = [
  { scheme: 'jilin-2008', where: '2201', kind: ['prefecture', 'district'], region: 'changchun' },
  { scheme: 'jilin-2008', where: '22', kind: ['prefecture', 'district'], region: 'prefecture' },
  { scheme: 'jilin-2008', where: '22', kind: ['county'], region: 'county' },
  { scheme: 'jilin-2016', where: '22', kind: ['prefecture', 'district', 'county'], region: 'jilin' },
  { scheme: 'jiaxing-2008', where: '3304', kind: ['prefecture', 'district', 'county'], region: 'jiaxing' },
  { scheme: 'jiangsu-2007', where: '3206', kind: ['prefecture', 'district'], region: 'nantong' },
  { scheme: 'jiangsu-2007', where: '32', kind: ['prefecture', 'district'], region: 'city_district' },
  { scheme: 'jiangsu-2007', where: '32', kind: ['county'], region: 'county' },
];
