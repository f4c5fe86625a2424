import { Rng, Weighted } from './prng';

/**
 * Name material for synthetic people and places. Surname weights follow the usual national
 * frequency ranking (per cent of the population, rounded), nudged toward names that are common in
 * north-east Chongqing (谭, 向, 冉, 邓, 唐, 熊). All combinations are synthetic.
 */
export const SURNAMES = new Weighted<string>([
  ['王', 7.1], ['李', 7.2], ['张', 6.8], ['刘', 5.4], ['陈', 4.6], ['杨', 3.3], ['黄', 2.2], ['赵', 2.1],
  ['吴', 2.0], ['周', 1.9], ['徐', 1.5], ['孙', 1.3], ['马', 1.2], ['朱', 1.3], ['胡', 1.4], ['郭', 1.1],
  ['何', 1.4], ['高', 1.0], ['林', 0.9], ['罗', 1.3], ['郑', 0.8], ['梁', 0.8], ['谢', 0.9], ['宋', 0.7],
  ['唐', 1.1], ['许', 0.6], ['韩', 0.6], ['冯', 0.7], ['邓', 1.1], ['曹', 0.6], ['彭', 0.8], ['曾', 0.7],
  ['肖', 0.7], ['田', 0.7], ['董', 0.5], ['袁', 0.6], ['潘', 0.4], ['于', 0.3], ['蒋', 0.6], ['蔡', 0.4],
  ['余', 0.6], ['杜', 0.5], ['叶', 0.4], ['程', 0.4], ['苏', 0.4], ['魏', 0.4], ['吕', 0.3], ['丁', 0.3],
  ['任', 0.4], ['沈', 0.3], ['姚', 0.3], ['卢', 0.3], ['姜', 0.3], ['崔', 0.2], ['钟', 0.3], ['谭', 0.9],
  ['陆', 0.2], ['汪', 0.3], ['范', 0.3], ['金', 0.2], ['石', 0.3], ['廖', 0.4], ['贾', 0.2], ['夏', 0.3],
  ['付', 0.3], ['方', 0.2], ['邹', 0.3], ['熊', 0.5], ['秦', 0.3], ['邱', 0.2], ['江', 0.2], ['尹', 0.2],
  ['段', 0.2], ['雷', 0.3], ['侯', 0.2], ['龙', 0.2], ['史', 0.2], ['陶', 0.2], ['黎', 0.2], ['贺', 0.2],
  ['毛', 0.2], ['龚', 0.2], ['万', 0.2], ['严', 0.1], ['向', 0.6], ['冉', 0.4], ['文', 0.2], ['牟', 0.2],
  ['易', 0.2], ['游', 0.1], ['代', 0.2], ['蒲', 0.1], ['况', 0.1], ['粟', 0.1],
]);

type Cohort = 'old' | 'middle' | 'young';

/** Given-name characters by sex and birth cohort (before 1965, 1965-1994, 1995 on). */
const GIVEN: Record<'MALE' | 'FEMALE', Record<Cohort, string>> = {
  MALE: {
    old: '德福贵富发财生明华国建平忠成文学云山清良正义荣昌友全兴树祥海洪泽顺安玉光如永元才茂仁先绍开银',
    middle: '伟强军勇明华建国平杰刚斌波辉林文春成兵涛东海洪超亮峰中志红江彬世家德龙飞云松鹏宏军',
    young: '浩宇轩子涵梓博俊睿豪杰鑫磊宏晨阳航鹏翔帅瑞凯文佳家一宸泽皓铭烨锦程逸天乐奕',
  },
  FEMALE: {
    old: '秀英兰珍桂芳凤翠玉华琼淑芬莲菊梅群素碧清会秋春香月云仙容琴兴先明德',
    middle: '芳娟敏静丽艳霞秀英兰玲琴梅萍燕红华云珍凤琼翠桂芬莲慧婷雪倩玉蓉娜丹洁小利',
    young: '欣怡雨萱涵梓诗佳可馨思悦琪雪梦婷瑶琳晨蕊一子语心若彤妍嘉颖璐钰',
  },
};

function cohortOf(birthYear: number): Cohort {
  return birthYear < 1965 ? 'old' : birthYear < 1995 ? 'middle' : 'young';
}

export function givenNameChar(rng: Rng, sex: 'MALE' | 'FEMALE', birthYear: number): string {
  const chars = GIVEN[sex][cohortOf(birthYear)];
  return chars[Math.floor(rng.float() * chars.length)];
}

/**
 * A one- or two-character given name. Siblings may share a generation character (字辈): pass it
 * as `generationChar` and it becomes the first of two characters.
 */
export function givenName(rng: Rng, sex: 'MALE' | 'FEMALE', birthYear: number, generationChar?: string): string {
  const twoChars = generationChar !== undefined || rng.bool(birthYear < 1965 ? 0.6 : birthYear < 1995 ? 0.7 : 0.8);
  const first = generationChar ?? givenNameChar(rng, sex, birthYear);
  if (!twoChars) return first;
  let second = givenNameChar(rng, sex, birthYear);
  if (second === first) second = givenNameChar(rng, sex, birthYear);
  return first + second;
}

/** Place-name material: first and second characters of town and village names. */
const PLACE_FIRST =
  '青白石龙凤金银云红黄清高大小新长南北东西中上下马牛梨桃竹松柏杨柳花桂兴太永平安和宝福乐明光天双三九五七' +
  '水河溪岭山坪坝湾塘桥岩峰园林庙观关铺场渠盐茶麻铁木柑橙枣李杉鹤鹿燕雁仙灵紫丰富胜德义仁顺泰瑞吉祥文';
const PLACE_SECOND_TOWN = '溪坪坝湾河桥山岭口场关铺峰塘滩园林田寨垭池岩台庄丰阳平兴和安家坊坡沱门寺';
const PLACE_SECOND_VILLAGE = '溪坪坝湾河桥山岭口场关铺峰塘滩园林田寨垭池岩台庄丰阳平兴和安家坊坡沱门寺湖泉井坎槽梁包冲';

export function placeName(rng: Rng, kind: 'town' | 'village'): string {
  if (rng.bool(0.12)) return SURNAMES.at(rng.float()) + '家';
  const first = PLACE_FIRST[Math.floor(rng.float() * PLACE_FIRST.length)];
  const seconds = kind === 'town' ? PLACE_SECOND_TOWN : PLACE_SECOND_VILLAGE;
  let second = seconds[Math.floor(rng.float() * seconds.length)];
  if (second === first) second = seconds[Math.floor(rng.float() * seconds.length)];
  return first + second;
}

/** 开户银行 of rural households in Chongqing. */
export const BANKS = new Weighted<string>([
  ['重庆农村商业银行', 45],
  ['中国邮政储蓄银行', 20],
  ['中国农业银行', 18],
  ['农村信用社', 9],
  ['中国建设银行', 5],
  ['中国工商银行', 3],
]);

/** 11-digit mobile number, 1[3-9]x. */
export function mobilePhone(rng: Rng): string {
  return `1${rng.int(3, 9)}${rng.digits(9)}`;
}

/** 19-digit bank card number: UnionPay-style '62' prefix and a Luhn check digit. */
export function bankAccount(rng: Rng): string {
  const body = `62${rng.int(1, 8)}${rng.digits(15)}`;
  return body + luhnCheckDigit(body);
}

export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** 帮扶单位 (assisting units) by level, for a county in Chongqing (a province-level municipality). */
export const COUNTY_UNITS = [
  '教育委员会', '财政局', '卫生健康委员会', '民政局', '住房和城乡建设委员会', '人力资源和社会保障局', '农业农村委员会',
  '水利局', '交通局', '林业局', '扶贫开发办公室', '发展和改革委员会', '医疗保障局', '公安局', '税务局', '审计局',
  '统计局', '文化和旅游发展委员会', '商务委员会', '规划和自然资源局', '生态环境局', '市场监督管理局', '人民医院',
  '供销合作社', '总工会', '团委', '妇联', '残疾人联合会',
];

export const PROVINCE_UNITS = [
  '重庆市扶贫开发办公室', '重庆市农业农村委员会', '重庆市财政局', '重庆市教育委员会', '重庆市卫生健康委员会',
  '重庆市民政局', '重庆市交通局', '重庆市水利局', '重庆市林业局', '重庆市商务委员会',
];
