/** 国家扶贫标准 (2,300 yuan at 2010 prices) in current yuan per person per year, with sources. */
export const POVERTY_LINES = [
  { year: 2013, yuan: 2736, verified: true, source: 'reference/domain.md §2.3 (ogasy.com/shenghuobaike/57038.html)' },
  { year: 2014, yuan: 2800, verified: true, source: 'reference/domain.md §2.3 (China Daily 2016-06-22)' },
  { year: 2015, yuan: 2855, verified: true, source: 'reference/domain.md §2.3 (renrendoc.com/paper/92692702.html)' },
  { year: 2016, yuan: 2952, verified: false, source: 'commonly cited figure; unverified (reference/domain.md §5)' },
  { year: 2017, yuan: 2952, verified: false, source: 'commonly cited figure; unverified (reference/domain.md §5)' },
  { year: 2018, yuan: 2995, verified: false, source: 'commonly cited figure; unverified (reference/domain.md §5)' },
  { year: 2019, yuan: 3218, verified: false, source: 'commonly cited figure; unverified (reference/domain.md §5)' },
  { year: 2020, yuan: 4000, verified: true, source: 'reference/domain.md §2.3 (≈ 4,000 yuan, herald.ng/?p=661700)' },
] as const;
