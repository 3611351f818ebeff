/**
 * The fictional demo street: its communities (with their 小区 and roads), departments and staff.
 * Each community leads the property/environment categories in its area; departments lead the rest.
 */
export const DEMO_STREET_NAME = '青塔街道（演示）';

export interface DemoCommunity {
  name: string;
  areas: string[];
  road: string;
}

export const COMMUNITIES: DemoCommunity[] = [
  { name: '青塔东里社区', areas: ['青塔东里', '青塔小区东区'], road: '青塔东路' },
  { name: '青塔西里社区', areas: ['青塔西里', '青塔小区西区'], road: '青塔西路' },
  { name: '六营门社区', areas: ['六营门小区', '六营门北里'], road: '六营门路' },
  { name: '春园社区', areas: ['春园小区', '春园二区'], road: '春园路' },
  { name: '秋园社区', areas: ['秋园小区', '秋园南里'], road: '秋园路' },
  { name: '蔚园社区', areas: ['蔚园小区', '蔚园北区'], road: '蔚园路' },
  { name: '芳园社区', areas: ['芳园小区', '芳园里'], road: '芳园路' },
  { name: '裕园社区', areas: ['裕园小区', '裕园二期'], road: '裕园路' },
  { name: '长安嘉园社区', areas: ['长安嘉园', '长安嘉园二期'], road: '长安街西延' },
  { name: '西营社区', areas: ['西营小区', '西营街甲院'], road: '西营街' },
  { name: '东营社区', areas: ['东营小区', '东营房'], road: '东营街' },
  { name: '金泰丽湾社区', areas: ['金泰丽湾', '金泰商厦'], road: '金泰路' },
  { name: '珠江峰景社区', areas: ['珠江峰景', '珠江绿洲'], road: '珠江路' },
  { name: '建西苑社区', areas: ['建西苑北里', '建西苑南里'], road: '建西苑路' },
  { name: '大成南里社区', areas: ['大成南里', '大成路小区'], road: '大成路' },
  { name: '塔园社区', areas: ['塔园小区', '塔园村'], road: '塔园路' },
  { name: '五里屯社区', areas: ['五里屯小区', '五里屯东院'], road: '五里屯路' },
  { name: '岳各庄社区', areas: ['岳各庄小区', '岳各庄北里'], road: '岳各庄路' },
  { name: '小屯社区', areas: ['小屯小区', '小屯南院'], road: '小屯路' },
  { name: '鑫兆佳园社区', areas: ['鑫兆佳园', '鑫兆雅园'], road: '鑫兆路' },
];

export interface DemoDepartment {
  name: string;
  /** Top categories this department leads (duty list). */
  duties: string[];
}

export const DEPARTMENTS: DemoDepartment[] = [
  { name: '城市管理办公室', duties: ['市容环卫', '园林绿化', '排水', '供水', '燃气', '供电', '供暖'] },
  { name: '综合行政执法队', duties: ['违法建设', '噪声', '市容环卫'] },
  { name: '平安建设办公室', duties: ['交通管理'] },
  { name: '社区建设办公室', duties: ['社区管理', '物业管理'] },
  { name: '民生保障办公室', duties: ['民生保障', '住房保障'] },
  { name: '物业管理办公室', duties: ['物业管理'] },
  { name: '营商环境办公室', duties: ['市场监管'] },
  { name: '综合保障办公室', duties: ['住房保障', '社区管理'] },
];

/** Categories a community may lead (Art. 17 duty lists): matters inside its residential areas. */
export const COMMUNITY_DUTIES = ['物业管理', '社区管理', '市容环卫/环境卫生', '噪声/社会生活噪声', '园林绿化'];

export const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文'.split('');
export const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志海东鹏飞宇婷雪梅琳晨浩然子轩欣怡佳琪思远一鸣宏博文斌立新凤兰淑珍秀云德福永祥'.split('');
