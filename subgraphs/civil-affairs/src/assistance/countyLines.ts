import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { MoneyScalar, regionPrefixRange, SubgraphContext, validateDataYear } from '@saf/kit';

/**
 * The 两线合一 line check feed: each county's rural dibao line for a year (table county_dibao_line,
 * migration 1700000000003). The platform compares it with the poverty office's poverty line.
 */

@ObjectType({ description: "农村低保标准: a county's rural dibao line for a year." })
export class CountyDibaoLine {
  @Field(() => String, { description: 'The county (6-digit region code prefix).' })
  countyCode: string;

  @Field(() => Int)
  year: number;

  @Field(() => MoneyScalar, { description: 'Yuan per person per year.' })
  ruralYuanPerYear: number;

  @Field(() => MoneyScalar, { description: 'Yuan per person per month.' })
  monthly: number;

  @Field(() => Boolean, { description: 'Whether the value is verified against a published source.' })
  verified: boolean;

  @Field(() => String, { description: 'Where the value comes from.' })
  source: string;
}

const LINES_SQL = `
  SELECT county_code, year, annual_fen, monthly_fen, verified, source
  FROM county_dibao_line
  WHERE category = 'RURAL' AND year = $1 AND left(county_code, length($2::text)) = $2::text
  ORDER BY county_code`;

@Resolver()
export class CountyDibaoLineResolver {
  @Query(() => [CountyDibaoLine], {
    description:
      "两线合一 line check feed: the rural dibao line of each county of a region for a year, by county code. A 9- or 12-digit prefix gives its county's line. Counties without a recorded line are absent.",
  })
  async countyDibaoLines(
    @Arg('regionPrefix', () => String, { description: 'Region code prefix (2, 4, 6, 9 or 12 digits).' }) regionPrefix: string,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CountyDibaoLine[]> {
    regionPrefixRange(regionPrefix);
    validateDataYear(year);
    // County codes are 6 digits: a longer prefix names one county, a shorter one a range of them.
    const rows: Array<{ county_code: string; year: number; annual_fen: string; monthly_fen: string; verified: boolean; source: string }> = await ctx.db.query(LINES_SQL, [year, regionPrefix.slice(0, 6)]);
    return rows.map((r) =>
      Object.assign(new CountyDibaoLine(), {
        countyCode: r.county_code,
        year: Number(r.year),
        ruralYuanPerYear: Number(r.annual_fen),
        monthly: Number(r.monthly_fen),
        verified: r.verified,
        source: r.source,
      }),
    );
  }
}
