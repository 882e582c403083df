package org.rhip.person.linkage;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a name parser needs to know about Chinese surnames: the compound (复姓) ones, the reading of
 * polyphonic characters when they are a surname (单 is shan, not dan), and the pinyin of common
 * surnames, to tell the surname of a latin name written in either order.
 */
final class Surnames {

	/** Compound surname, its pinyin; separated by spaces. */
	private static final String COMPOUND = "欧阳 ouyang 司马 sima 诸葛 zhuge 上官 shangguan 尉迟 yuchi 东方 dongfang "
			+ "皇甫 huangfu 令狐 linghu 公孙 gongsun 慕容 murong 夏侯 xiahou 宇文 yuwen 长孙 zhangsun 澹台 tantai "
			+ "司徒 situ 端木 duanmu 呼延 huyan 轩辕 xuanyuan 西门 ximen 南宫 nangong 万俟 moqi 独孤 dugu 申屠 shentu "
			+ "太史 taishi 闻人 wenren 公冶 gongye 赫连 helian 钟离 zhongli 宗政 zongzheng 濮阳 puyang 淳于 chunyu "
			+ "单于 chanyu 司空 sikong 鲜于 xianyu 闾丘 lvqiu 仲孙 zhongsun 百里 baili 东郭 dongguo 左丘 zuoqiu "
			+ "拓跋 tuoba 第五 diwu";

	/** Polyphonic characters and their reading as a surname. */
	private static final String POLYPHONIC = "单 shan 曾 zeng 解 xie 区 ou 仇 qiu 朴 piao 查 zha 盖 ge 覃 qin "
			+ "缪 miao 乐 yue 尉 wei 种 chong 秘 bi 员 yun 召 shao 繁 po 折 she 句 gou 隗 wei 翟 zhai 沈 shen "
			+ "柏 bai 纪 ji 任 ren 薄 bo 贾 jia 都 du 宿 su 祭 zhai 车 che 华 hua 长 chang 朝 chao 重 chong "
			+ "藏 zang 六 lu 角 jue 万 wan 石 shi 和 he 莫 mo 蔚 yu 燕 yan 叶 ye 殷 yin 阿 a";

	/** Pinyin of the common single-character surnames, to recognise "Wei ZHANG" and "Zhang Wei". */
	private static final String COMMON_PINYIN = "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu "
			+ "guo he lin luo gao zheng liang xie song tang xu han feng deng cao peng zeng xiao tian dong yuan pan yu "
			+ "jiang cai du ye cheng su wei lv ding ren shen yao lu jiang cui zhong tan wan fan jin shi liao jia xia "
			+ "fu fang bai zou meng xiong qin qiu jiang yin xue yan duan lei hou long shi tao li he gu mao hao gong "
			+ "shao qian dai mo kong xiang tang yi chang wu qiao lai wen kang niu ge hong shan ou piao zha miao yue "
			+ "guan an ni bao qi xing lan mei mu";

	private static final Map<String, String> COMPOUND_READING = pairs(COMPOUND);

	private static final Map<String, String> SURNAME_READING = pairs(POLYPHONIC);

	private static final Set<String> KNOWN_PINYIN = knownPinyin();

	private Surnames() {
	}

	private static Map<String, String> pairs(String text) {
		String[] words = text.split(" ");
		Map<String, String> map = new HashMap<>();
		for (int i = 0; i < words.length; i += 2) {
			map.put(words[i], words[i + 1]);
		}
		return Map.copyOf(map);
	}

	private static Set<String> knownPinyin() {
		Set<String> set = new HashSet<>(Arrays.asList(COMMON_PINYIN.split(" ")));
		set.addAll(COMPOUND_READING.values());
		set.addAll(SURNAME_READING.values());
		return Set.copyOf(set);
	}

	/** The length of the surname at the start of a normalised Chinese name: 2 for a compound one, else 1. */
	static int length(String name) {
		return name.length() >= 3 && COMPOUND_READING.containsKey(name.substring(0, 2)) ? 2 : 1;
	}

	/** The pinyin of a compound surname or of a polyphonic surname character; null for others. */
	static String reading(String surname) {
		return surname.length() == 2 ? COMPOUND_READING.get(surname) : SURNAME_READING.get(surname);
	}

	static boolean isKnownPinyin(String syllables) {
		return KNOWN_PINYIN.contains(syllables);
	}

	/** For tests: every polyphonic entry, to check it against the pinyin dictionary. */
	static Map<String, String> polyphonicReadings() {
		return SURNAME_READING;
	}

	static Map<String, String> compoundReadings() {
		return COMPOUND_READING;
	}

}
