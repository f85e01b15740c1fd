/** Random but plausible names of public bodies (「嘉祥县工业和信息化局」, 「河北省教育厅」). */
import type { Random } from './prng.js';

const provinces = [
  '河北省',
  '山东省',
  '福建省',
  '青海省',
  '江苏省',
  '浙江省',
  '湖南省',
  '四川省',
  '广东省',
  '陕西省',
];
const cities = [
  '济宁市',
  '威海市',
  '泉州市',
  '三明市',
  '西宁市',
  '苏州市',
  '湖州市',
  '株洲市',
  '绵阳市',
  '宝鸡市',
];
const districts = ['文登区', '洛江区', '姑苏区', '吴兴区', '荷塘区', '涪城区', '渭滨区', '城关区'];
const counties = [
  '嘉祥县',
  '湟源县',
  '将乐县',
  '泰宁县',
  '德清县',
  '攸县',
  '梓潼县',
  '凤翔县',
  '沂南县',
  '安溪县',
];
const towns = ['城关镇', '马村镇', '梁宝寺镇', '青山乡', '东湖街道', '南门街道'];

const provincialBodies = [
  '教育厅',
  '科学技术厅',
  '财政厅',
  '交通运输厅',
  '自然资源厅',
  '文化和旅游厅',
  '人民政府办公厅',
];
const localBodies = [
  '工业和信息化局',
  '人民政府办公室',
  '教育局',
  '财政局',
  '民政局',
  '自然资源和规划局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '农业农村局',
  '水利局',
  '卫生健康委员会',
  '市场监督管理局',
  '人力资源和社会保障局',
  '文化和旅游局',
  '统计局',
  '医疗保障局',
  '应急管理局',
  '发展和改革局',
];

export function randomAgency(random: Random): string {
  const kind = random.int(0, 9);
  if (kind === 0) return random.pick(provinces) + random.pick(provincialBodies);
  if (kind <= 2) return random.pick(cities) + random.pick(localBodies);
  if (kind <= 4) return random.pick(cities) + random.pick(districts) + random.pick(localBodies);
  if (kind <= 8) return random.pick(counties) + random.pick(localBodies);
  return (
    random.pick(counties) +
    random
      .pick(towns)
      .replace(/街道$/, '街道办事处')
      .replace(/([镇乡])$/, '$1人民政府')
  );
}

/** The short name a report uses for itself in prose (「县工信局」 style is avoided: 「我局」 etc.). */
export function selfReference(agency: string): string {
  if (/乡人民政府$/.test(agency)) return '我乡';
  if (/政府$/.test(agency)) return '我镇';
  if (/办公室$|办公厅$/.test(agency)) return '我办';
  if (/委员会$/.test(agency)) return '我委';
  if (/厅$/.test(agency)) return '我厅';
  if (/办事处$/.test(agency)) return '我街道';
  return '我局';
}
